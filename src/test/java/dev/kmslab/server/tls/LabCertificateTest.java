package dev.kmslab.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.io.OwnerOnlyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabCertificateTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneOffset.UTC);
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1");

    @TempDir
    Path data;

    @Test
    void firstUse_makesASelfSignedCaCertificate_namingEveryAddress_keptOwnerOnly() throws Exception {
        List<String> names = List.of("localhost", "127.0.0.1", "::1", "192.0.2.2", "lab.example");

        TlsIdentity identity = LabCertificate.loadOrCreate(data, names, NOW);

        X509Certificate cert = identity.certificate();
        cert.verify(cert.getPublicKey());
        assertThat(cert.getSubjectX500Principal()).isEqualTo(cert.getIssuerX500Principal());
        assertThat(cert.getBasicConstraints()).isEqualTo(0);
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(NOW.instant().plus(Duration.ofDays(365)));
        assertThat(LabCertificate.namesOf(cert)).containsExactlyInAnyOrder("localhost", "127.0.0.1",
                "0:0:0:0:0:0:0:1", "192.0.2.2", "lab.example");
        assertThat(identity.generated()).isTrue();
        assertThat(identity.notice()).contains("made a new self-signed TLS certificate: none was kept yet");
        Path certFile = data.resolve("tls/certificate.pem");
        assertThat(identity.certificateFile()).isEqualTo(certFile);
        assertThat(Files.readString(certFile)).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(data.resolve("tls/private-key.pem"))).contains("PRIVATE KEY-----");
        if (OwnerOnlyFiles.isPosix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certFile))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    data.resolve("tls/private-key.pem")))).isEqualTo("rw-------");
        }
        String expected = HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-256")
                .digest(cert.getEncoded())).toUpperCase(Locale.ROOT);
        assertThat(identity.sha256Fingerprint()).isEqualTo(expected).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(identity.toString()).contains("privateKey=<hidden>").doesNotContain("BEGIN");
    }

    @Test
    void aKeptCertificate_isReused_whileItNamesEverythingAndIsNotAboutToExpire() throws Exception {
        TlsIdentity first = LabCertificate.loadOrCreate(data, LOOPBACK, NOW);

        TlsIdentity again = LabCertificate.loadOrCreate(data, List.of("127.0.0.1"), Clock.offset(NOW,
                Duration.ofDays(300)));
        assertThat(again.sha256Fingerprint()).isEqualTo(first.sha256Fingerprint());
        assertThat(again.notice()).isEmpty();

        TlsIdentity newAddress = LabCertificate.loadOrCreate(data, List.of("127.0.0.1", "192.0.2.77"), NOW);
        assertThat(newAddress.sha256Fingerprint()).isNotEqualTo(first.sha256Fingerprint());
        assertThat(newAddress.notice()).contains("made a new self-signed TLS certificate: the kept one does not "
                + "name 192.0.2.77");

        TlsIdentity renewed = LabCertificate.loadOrCreate(data, List.of("127.0.0.1"), Clock.offset(NOW,
                Duration.ofDays(340)));
        assertThat(renewed.sha256Fingerprint()).isNotEqualTo(newAddress.sha256Fingerprint());
        assertThat(renewed.notice()).hasValueSatisfying(n -> assertThat(n).contains("the kept one expires"));
    }

    @Test
    void aDamagedKeptCertificate_isReplacedWithANotice() throws Exception {
        LabCertificate.loadOrCreate(data, LOOPBACK, NOW);
        Files.writeString(data.resolve("tls/certificate.pem"), "-----BEGIN CERTIFICATE-----\nbroken\n");

        TlsIdentity replaced = LabCertificate.loadOrCreate(data, LOOPBACK, NOW);

        assertThat(replaced.notice()).hasValueSatisfying(n -> assertThat(n)
                .startsWith("made a new self-signed TLS certificate: the kept one could not be read"));
        replaced.certificate().verify(replaced.certificate().getPublicKey());
    }

    @Test
    void namesFor_aWildcardBind_addsThisMachinesAddresses() {
        assertThat(LabCertificate.namesFor("127.0.0.1", List.of())).containsExactly("localhost", "127.0.0.1",
                "0:0:0:0:0:0:0:1");
        assertThat(LabCertificate.namesFor("10.1.2.3", List.of("Lab.Example"))).containsExactly("localhost",
                "127.0.0.1", "0:0:0:0:0:0:0:1", "10.1.2.3", "lab.example");
        assertThat(LabCertificate.namesFor("0.0.0.0", List.of())).contains("127.0.0.1").hasSizeGreaterThan(2);
    }

    @Test
    void ownPemFiles_areLoaded_andAKeyOfAnotherCertificateIsRefusedNamingTheFile() throws Exception {
        TlsIdentity lab = LabCertificate.loadOrCreate(data, LOOPBACK, NOW);
        Path cert = data.resolve("tls/certificate.pem");
        Path key = data.resolve("tls/private-key.pem");

        TlsIdentity own = PemFiles.loadOwn(cert, key);
        assertThat(own.generated()).isFalse();
        assertThat(own.sha256Fingerprint()).isEqualTo(lab.sha256Fingerprint());
        assertThat(own.serverContext().getProtocol()).isEqualTo("TLS");

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        KeyPair other = ec.generateKeyPair();
        Path otherKey = Files.write(data.resolve("other-key.pem"), LabCertificate.pem(other.getPrivate()));
        assertThatThrownBy(() -> PemFiles.loadOwn(cert, otherKey)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(otherKey + ": this private key does not belong to the certificate in " + cert);
        assertThatThrownBy(() -> PemFiles.loadOwn(key, key))
                .hasMessageStartingWith(key + ": expected only CERTIFICATE blocks, found a private key");
        assertThatThrownBy(() -> PemFiles.loadOwn(cert, cert))
                .hasMessageStartingWith(cert + ": expected a PRIVATE KEY block, found X509CertificateHolder");
        Path missing = data.resolve("nope.pem");
        assertThatThrownBy(() -> PemFiles.loadOwn(missing, key)).hasMessage(missing + ": no such file");
    }
}
