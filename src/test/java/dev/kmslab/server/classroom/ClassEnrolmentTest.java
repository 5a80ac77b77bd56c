package dev.kmslab.server.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.policy.AttachedPolicy;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassEnrolmentTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";

    @TempDir
    Path temp;

    private final KmsEngine engine = KmsEngine.inMemory();
    private final AccessKeyStore keys = AccessKeyStore.inMemory(engine.account());

    private ClassEnrolment.Result enrol(String roster, StudentPolicy policy, ClassEnrolment.Target target)
            throws Exception {
        return ClassEnrolment.enrol(engine, keys, Roster.parse(temp.resolve("roster.txt"), roster), policy,
                temp.resolve("handouts"), target);
    }

    private static ClassEnrolment.Target plainHttp() {
        return new ClassEnrolment.Target(URI.create("http://192.0.2.2:4599"), "us-east-1", Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @Test
    void eachStudentGetsAUserAKeyAndAHandout_andAgainTheSameKeys() throws Exception {
        ClassEnrolment.Result first = enrol("alice\nbob kms-full\n", StudentPolicy.KMS_READONLY, plainHttp());

        assertThat(first.students()).extracting(ClassEnrolment.Enrolled::principalArn)
                .containsExactly(ALICE, "arn:aws:iam::111122223333:user/bob");
        assertThat(first.students()).allMatch(ClassEnrolment.Enrolled::newUser).allMatch(ClassEnrolment.Enrolled::newKey);
        assertThat(engine.principals().policiesOf(ALICE)).extracting(AttachedPolicy::name)
                .containsExactly("kmslab-kms-readonly");
        assertThat(engine.principals().policiesOf("arn:aws:iam::111122223333:user/bob"))
                .extracting(AttachedPolicy::name).containsExactly("kmslab-kms-full");
        Credential aliceKey = keys.issuedKeys().get(0);
        assertThat(aliceKey.principalArn()).isEqualTo(ALICE);
        String handout = Files.readString(temp.resolve("handouts/alice.aws-config"));
        assertThat(handout).isEqualTo("""
                # KMS Lab classroom profile for alice
                # You call the lab as IAM user arn:aws:iam::111122223333:user/alice
                # Identity policy: kms-readonly (list and describe keys, read policies and public keys; nothing else)
                # This file holds your secret access key: keep it to yourself.
                #
                # Use it as it is:
                #   AWS_CONFIG_FILE=alice.aws-config aws --profile kmslab kms list-keys
                # or copy the [profile kmslab] section below into ~/.aws/config.

                [profile kmslab]
                region = us-east-1
                endpoint_url = http://192.0.2.2:4599
                aws_access_key_id = %s
                aws_secret_access_key = %s
                output = json
                """.formatted(aliceKey.accessKeyId(), aliceKey.secretAccessKey()));
        assertThat(String.join("\n", first.report())).contains("class: 2 students (2 new IAM users)")
                .doesNotContain(aliceKey.secretAccessKey());

        // Again, with another template for alice: same user and key, the old template detached.
        ClassEnrolment.Result second = enrol("alice kms-student\n", StudentPolicy.KMS_READONLY, plainHttp());
        assertThat(second.students().get(0).newUser()).isFalse();
        assertThat(second.students().get(0).newKey()).isFalse();
        assertThat(second.students().get(0).handout().key()).isEqualTo(aliceKey);
        assertThat(keys.issuedKeys()).hasSize(2);
        assertThat(engine.principals().policiesOf(ALICE)).extracting(AttachedPolicy::name)
                .containsExactly("kmslab-kms-student");

        // "none" leaves the student without a template.
        enrol("alice none\n", StudentPolicy.KMS_FULL, plainHttp());
        assertThat(engine.principals().policiesOf(ALICE)).isEmpty();
    }

    @Test
    void withTls_theCertificateIsCopiedBesideTheHandouts_andNamedWithItsFingerprint() throws Exception {
        Path cert = Files.writeString(temp.resolve("certificate.pem"), "-----BEGIN CERTIFICATE-----\n...\n");
        ClassEnrolment.Target tls = new ClassEnrolment.Target(URI.create("https://lab.example:4599"), "eu-west-1",
                Optional.of(cert), Optional.of("AB:CD"), Optional.of("C:\\Users\\student\\kmslab-ca.pem"));

        enrol("carol\n", StudentPolicy.NONE, tls);

        assertThat(temp.resolve("handouts/kmslab-ca.pem")).hasSameTextualContentAs(cert);
        assertThat(Files.readString(temp.resolve("handouts/carol.aws-config")))
                .contains("# The endpoint uses the instructor's own TLS certificate (kmslab-ca.pem, handed out with "
                        + "this file).")
                .contains("#   openssl x509 -in kmslab-ca.pem -noout -fingerprint -sha256\n")
                .contains("#   AB:CD\n")
                .contains("region = eu-west-1\nendpoint_url = https://lab.example:4599\n"
                        + "ca_bundle = C:\\Users\\student\\kmslab-ca.pem\n")
                .contains("# Identity policy: none (no identity policy: only what key policies and grants allow "
                        + "the student)");
    }
}
