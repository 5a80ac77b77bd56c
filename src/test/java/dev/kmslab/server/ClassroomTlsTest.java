package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.CredentialResolver;
import dev.kmslab.server.classroom.ClassroomOptions;
import dev.kmslab.server.classroom.ClassroomSetup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * {@code serve --tls}: HTTPS with the lab's own certificate, trusted by the AWS SDK for Java and the AWS CLI
 * ({@code --ca-bundle}) on 127.0.0.1; and beyond loopback the published {@code test}/{@code test} key refused in favour
 * of a generated root key, printed once.
 */
class ClassroomTlsTest {

    private static final Pattern NEW_ROOT = Pattern.compile("NEW root access key \\(account root; shown only now\\): "
            + "access key id '(AKIA[A-Z2-7]{16})', secret access key '([^']+)'");

    @TempDir
    Path dataDir;

    @TempDir
    Path cliHome;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private KmsHttpServer serve(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--port", "0", "--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        return ServeCommand.run(ServeCommand.Options.parse(all), new PrintStream(printed, true,
                StandardCharsets.UTF_8));
    }

    private String banner() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tls_onLoopback_theSdkTrustingTheGeneratedCertificateCallsOverHttps_andAnSdkTrustingOnlyPublicCasCannot()
            throws Exception {
        KmsHttpServer server = serve("--tls");
        try {
            Path cert = dataDir.resolve("tls/certificate.pem");
            String fingerprint = dev.kmslab.server.tls.TlsIdentity.fingerprint(TlsClients.readCertificate(cert));
            assertThat(server.endpoint().toString()).startsWith("https://127.0.0.1:");
            assertThat(banner()).contains("TLS certificate " + cert + " (the lab's own, self-signed)")
                    .contains("TLS certificate SHA-256 fingerprint " + fingerprint)
                    .contains("made a new self-signed TLS certificate: none was kept yet")
                    .contains("--ca-bundle " + cert)
                    .contains("access key id 'test', secret access key 'test'")
                    .doesNotContain("WARNING");

            try (KmsClient sdk = TlsClients.trusting(cert, server.endpoint(), "test", "test")) {
                String keyId = sdk.createKey(b -> b.description("over TLS")).keyMetadata().keyId();
                SdkBytes blob = sdk.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("secret")))
                        .ciphertextBlob();
                assertThat(sdk.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("secret");
            }
            try (KmsClient untrusting = TlsClients.trustingDefaults(server.endpoint(), "test", "test")) {
                assertThatThrownBy(untrusting::listKeys).isInstanceOf(SdkClientException.class)
                        .hasStackTraceContaining("PKIX path building failed");
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void tls_theAwsCliWithCaBundle_callsOverHttps_andWithoutItRefusesTheCertificate() throws Exception {
        AwsCli.requireOrSkip();
        KmsHttpServer server = serve("--tls");
        try {
            Path cert = dataDir.resolve("tls/certificate.pem");
            AwsCli cli = AwsCli.withCredentials(cliHome, "test", "test", null);
            // A refused certificate is a connection error, which the CLI would retry with back-off.
            java.nio.file.Files.writeString(cliHome.resolve("config"), "[default]\nmax_attempts = 1\n");
            AwsCli.Result created = cli.runRaw(List.of("aws", "--endpoint-url", server.endpoint().toString(),
                    "--region", "us-east-1", "--output", "json", "--ca-bundle", cert.toString(), "kms",
                    "create-key", "--description", "from the CLI over TLS"));
            assertThat(created.ok()).as(created.stderr()).isTrue();
            assertThat(created.stdout()).contains("\"Description\": \"from the CLI over TLS\"");

            AwsCli.Result refused = cli.runRaw(List.of("aws", "--endpoint-url", server.endpoint().toString(),
                    "--region", "us-east-1", "--output", "json", "kms", "list-keys"));
            assertThat(refused.ok()).isFalse();
            assertThat(refused.stderr()).contains("CERTIFICATE_VERIFY_FAILED").contains("self-signed certificate");
        } finally {
            server.stop();
        }
    }

    @Test
    void beyondLoopback_testTestIsRefused_theGeneratedRootKeyIsPrintedOnceAndWorks() throws Exception {
        Optional<String> address = nonLoopbackAddress();
        assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address to bind to");
        KmsHttpServer server = serve("--bind", address.get(), "--tls");
        String rootId;
        String rootSecret;
        try {
            Matcher root = NEW_ROOT.matcher(banner());
            assertThat(root.find()).as(banner()).isTrue();
            rootId = root.group(1);
            rootSecret = root.group(2);
            assertThat(banner()).contains("the published test/test key is refused beyond loopback")
                    .doesNotContain("access key id 'test'")
                    .contains("rate limit: 20 requests/s per access key, bursts of 40");
            assertThat(server.endpoint().getHost()).isEqualTo(address.get());
            Path cert = dataDir.resolve("tls/certificate.pem");
            try (KmsClient published = TlsClients.trusting(cert, server.endpoint(), "test", "test")) {
                assertThatThrownBy(published::listKeys).isInstanceOfSatisfying(KmsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
            }
            try (KmsClient generated = TlsClients.trusting(cert, server.endpoint(), rootId, rootSecret)) {
                assertThat(generated.createKey(b -> b.description("root")).keyMetadata().arn())
                        .startsWith("arn:aws:kms:us-east-1:111122223333:key/");
            }
        } finally {
            server.stop();
        }
        assertThat(AccessKeyStore.open(dataDir, "111122223333", Clock.systemUTC()).find(rootId).orElseThrow()
                .principalArn()).isEqualTo("arn:aws:iam::111122223333:root");

        printed.reset();
        serve("--bind", address.get(), "--tls").stop();
        assertThat(banner()).contains("root access key " + rootId + " (its secret was shown when it was made")
                .doesNotContain(rootSecret)
                .doesNotContain("made a new self-signed TLS certificate");
    }

    @Test
    void theDecision_withoutBinding_refusesTestTestOnlyBeyondLoopback_andWarnsAboutPlainHttp() throws Exception {
        AccessKeyStore keys = AccessKeyStore.inMemory("111122223333");
        ClassroomSetup everywhere = ClassroomSetup.prepare(ClassroomOptions.defaults(), "0.0.0.0", dataDir,
                "111122223333", keys, Clock.systemUTC());
        CredentialResolver resolver = everywhere.credentials();
        assertThat(resolver.find("test")).isEmpty();
        assertThat(everywhere.acceptsDefaultKey()).isFalse();
        assertThat(String.join("\n", everywhere.report()))
                .contains("WARNING: serving beyond loopback over plain HTTP. Everyone on this network can read every "
                        + "request and answer, including plaintexts and the data keys GenerateDataKey returns in the "
                        + "clear. Add --tls")
                .contains("NEW root access key");
        String rootId = keys.issuedKeys().get(0).accessKeyId();
        assertThat(resolver.find(rootId)).hasValueSatisfying(c -> assertThat(c.principalArn())
                .isEqualTo("arn:aws:iam::111122223333:root"));

        ClassroomSetup allowed = ClassroomSetup.prepare(ServeCommand.Options.parse(List.of("--bind", "0.0.0.0",
                "--allow-default-credentials")).classroom(), "0.0.0.0", dataDir, "111122223333", keys,
                Clock.systemUTC());
        assertThat(allowed.credentials().find("test")).isPresent();
        assertThat(String.join("\n", allowed.report())).contains("WARNING: --allow-default-credentials: anyone who "
                + "can reach this port can sign with the published test/test key and act as the account root.");

        for (String loopback : List.of("127.0.0.1", "localhost", "::1")) {
            ClassroomSetup local = ClassroomSetup.prepare(ClassroomOptions.defaults(), loopback, dataDir,
                    "111122223333", keys, Clock.systemUTC());
            assertThat(local.credentials().find("test")).as(loopback).isPresent();
            assertThat(local.rateLimit()).as(loopback).isEmpty();
            assertThat(String.join("\n", local.report())).as(loopback).doesNotContain("WARNING");
        }
    }

    @Test
    void options_tlsFilesGoTogether_andAClassNeedsAHandoutsFolder() {
        assertThatThrownBy(() -> ServeCommand.Options.parse(List.of("--tls-cert", "c.pem")))
                .hasMessage("--tls-cert and --tls-key go together: give both PEM files");
        assertThatThrownBy(() -> ServeCommand.Options.parse(List.of("--class", "roster.txt")))
                .hasMessageStartingWith("--class needs --handouts DIR");
        assertThatThrownBy(() -> ServeCommand.Options.parse(List.of("--student-policy", "admin")))
                .hasMessage("--student-policy must be one of kms-student, kms-readonly, kms-full, none, not 'admin'");
        assertThatThrownBy(() -> ServeCommand.Options.parse(List.of("--rate-limit")))
                .hasMessage("--rate-limit needs a value");
        ClassroomOptions parsed = ServeCommand.Options.parse(List.of("--rate-limit", "5/s", "--burst", "7",
                "--tls")).classroom();
        assertThat(parsed.rateLimit()).hasValueSatisfying(l -> assertThat(l.describe())
                .isEqualTo("5 requests/s per access key, bursts of 7"));
        assertThat(parsed.usesTls()).isTrue();
    }

    static Optional<String> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                    return Optional.of(address.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }
}
