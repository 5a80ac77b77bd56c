package dev.kmslab.server.classroom;

import dev.kmslab.server.auth.Credential;
import java.net.URI;
import java.util.Optional;

/**
 * A student's handout: an AWS config file with one profile, {@code [profile kmslab]}, holding the endpoint, the Region,
 * the certificate to trust (when the endpoint is HTTPS) and the student's access key. The AWS CLI and SDKs read
 * credentials from the config file as well as from the credentials file, so the handout works as it is
 * ({@code AWS_CONFIG_FILE=alice.aws-config aws --profile kmslab kms list-keys}) or pasted into {@code ~/.aws/config}.
 * {@code endpoint_url} in a profile needs AWS CLI 1.29 / 2.13 or newer.
 *
 * @param endpoint    the URL students connect to (the instructor's address, not a wildcard)
 * @param caBundle    the path students' {@code ca_bundle} points at, empty for plain HTTP
 * @param fingerprint the certificate's SHA-256 fingerprint for students to check, empty for plain HTTP
 */
public record Handout(String student, String principalArn, Credential key, URI endpoint, String region,
                      Optional<String> caBundle, Optional<String> fingerprint, StudentPolicy policy) {

    public static final String PROFILE = "kmslab";
    public static final String EXTENSION = ".aws-config";
    public static final String CA_FILE = "kmslab-ca.pem";

    public String fileName() {
        return student + EXTENSION;
    }

    /** The file's text. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("# KMS Lab classroom profile for ").append(student).append('\n');
        out.append("# You call the lab as IAM user ").append(principalArn).append('\n');
        out.append("# Identity policy: ").append(policy.templateName()).append(" (").append(policy.summary())
                .append(")\n");
        out.append("# This file holds your secret access key: keep it to yourself.\n#\n");
        out.append("# Use it as it is:\n");
        out.append("#   AWS_CONFIG_FILE=").append(fileName()).append(" aws --profile ").append(PROFILE)
                .append(" kms list-keys\n");
        out.append("# or copy the [profile ").append(PROFILE).append("] section below into ~/.aws/config.\n");
        if (caBundle.isPresent()) {
            out.append("#\n# The endpoint uses the instructor's own TLS certificate (").append(CA_FILE)
                    .append(", handed out with this file).\n");
            out.append("# Save it and set ca_bundle below to its full path. Before trusting it, check that\n");
            out.append("#   openssl x509 -in ").append(CA_FILE).append(" -noout -fingerprint -sha256\n");
            out.append("# prints the fingerprint the instructor shows:\n#   ").append(fingerprint.orElse(""))
                    .append('\n');
        }
        out.append('\n');
        out.append("[profile ").append(PROFILE).append("]\n");
        out.append("region = ").append(region).append('\n');
        out.append("endpoint_url = ").append(endpoint).append('\n');
        caBundle.ifPresent(path -> out.append("ca_bundle = ").append(path).append('\n'));
        out.append("aws_access_key_id = ").append(key.accessKeyId()).append('\n');
        out.append("aws_secret_access_key = ").append(key.secretAccessKey()).append('\n');
        out.append("output = json\n");
        return out.toString();
    }

    @Override
    public String toString() {
        return "Handout[student=" + student + ", principalArn=" + principalArn + ", accessKeyId="
                + key.accessKeyId() + ", endpoint=" + endpoint + "]";
    }
}
