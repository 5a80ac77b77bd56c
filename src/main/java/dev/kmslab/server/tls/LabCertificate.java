package dev.kmslab.server.tls;

import dev.kmslab.io.OwnerOnlyFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The lab's own HTTPS certificate: a self-signed ECDSA P-256 certificate made with Bouncy Castle on first use and kept
 * in {@code <dataDir>/tls/} ({@code certificate.pem}, {@code private-key.pem}), both owner-only. Students trust exactly
 * this certificate ({@code aws --ca-bundle certificate.pem}, or an SDK trust store holding it), so it acts as its own
 * certificate authority: basic constraints CA, key usage digital signature and certificate signing, extended key
 * usage server authentication, subject and authority key identifiers (strict verifiers such as Python 3.13's expect
 * them), and subject alternative names for every name clients may connect to.
 *
 * <p>The names are {@code localhost}, {@code 127.0.0.1}, {@code ::1}, the bind address, and, when binding to every
 * interface ({@code 0.0.0.0} or {@code ::}), each address of this machine's interfaces, plus any extra host names the
 * instructor gives. A kept certificate is reused while it covers those names and is valid for 30 more days; otherwise
 * a new one is made (with a new fingerprint) and the notice says why.
 */
public final class LabCertificate {

    public static final String FOLDER = "tls";
    public static final String CERTIFICATE_FILE = "certificate.pem";
    public static final String KEY_FILE = "private-key.pem";
    static final Duration VALIDITY = Duration.ofDays(365);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private LabCertificate() {
    }

    /**
     * The certificate kept in {@code dataDir}, or a new one when there is none, it cannot be read, it expires within
     * 30 days or it does not name every one of {@code names}.
     */
    public static TlsIdentity loadOrCreate(Path dataDir, List<String> names, Clock clock) throws IOException {
        Path folder = dataDir.resolve(FOLDER);
        Path certFile = folder.resolve(CERTIFICATE_FILE);
        Path keyFile = folder.resolve(KEY_FILE);
        String why = "none was kept yet";
        if (Files.exists(certFile) && Files.exists(keyFile)) {
            try {
                TlsIdentity kept = PemFiles.load(certFile, keyFile, true);
                Set<String> missing = new LinkedHashSet<>(names);
                missing.removeAll(namesOf(kept.certificate()));
                Instant notAfter = kept.certificate().getNotAfter().toInstant();
                if (!missing.isEmpty()) {
                    why = "the kept one does not name " + String.join(", ", missing);
                } else if (notAfter.isBefore(clock.instant().plus(RENEW_BEFORE))) {
                    why = "the kept one expires " + notAfter;
                } else {
                    return kept;
                }
            } catch (IllegalArgumentException e) {
                why = "the kept one could not be read (" + e.getMessage() + ")";
            }
        }
        KeyPair pair = newKeyPair();
        X509Certificate certificate = selfSigned(pair, names, clock.instant());
        OwnerOnlyFiles.secureDirectory(folder);
        OwnerOnlyFiles.write(keyFile, pem(pair.getPrivate()));
        OwnerOnlyFiles.write(certFile, pem(certificate));
        return new TlsIdentity(pair.getPrivate(), List.of(certificate), certFile, true,
                Optional.of("made a new self-signed TLS certificate: " + why));
    }

    /**
     * The names a client may use to reach {@code bindAddress}: loopback names always, the bind address, every local
     * interface address when it is a wildcard, and {@code extraNames}.
     */
    public static List<String> namesFor(String bindAddress, List<String> extraNames) {
        Set<String> names = new LinkedHashSet<>();
        for (String loopback : List.of("localhost", "127.0.0.1", "::1")) {
            names.add(canonical(loopback));
        }
        if (isWildcard(bindAddress)) {
            names.addAll(interfaceAddresses());
        } else {
            names.add(canonical(bindAddress));
        }
        for (String extra : extraNames) {
            names.add(canonical(extra));
        }
        return List.copyOf(names);
    }

    static boolean isWildcard(String bindAddress) {
        try {
            return InetAddress.getByName(bindAddress).isAnyLocalAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> interfaceAddresses() {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (!address.isLinkLocalAddress()) {
                        out.add(canonical(address.getHostAddress()));
                    }
                }
            }
        } catch (SocketException e) {
            // No interface list: the loopback names and the instructor's --tls-name entries remain.
        }
        return out;
    }

    /** IP literals in the form Java prints them (IPv6 without a zone), host names lower-case. */
    static String canonical(String name) {
        String trimmed = name.trim();
        int zone = trimmed.indexOf('%');
        if (zone >= 0) {
            trimmed = trimmed.substring(0, zone);
        }
        if (isIpLiteral(trimmed)) {
            try {
                return InetAddress.getByName(trimmed).getHostAddress();
            } catch (IOException e) {
                return trimmed;
            }
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    private static boolean isIpLiteral(String name) {
        return name.contains(":") || name.matches("[0-9.]+");
    }

    /** The DNS names and IP addresses a certificate's subject alternative names hold, canonicalised. */
    static Set<String> namesOf(X509Certificate certificate) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    names.add(canonical(String.valueOf(entry.get(1))));
                }
            }
        } catch (CertificateParsingException e) {
            // Treated as naming nothing, so a new certificate is made.
        }
        return names;
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a P-256 key pair", e);
        }
    }

    static X509Certificate selfSigned(KeyPair pair, List<String> names, Instant now) {
        try {
            X500Name subject = new X500Name("CN=KMS Lab classroom endpoint,O=KMS Lab");
            byte[] serial = new byte[16];
            new SecureRandom().nextBytes(serial);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(1, serial), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(pair.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(pair.getPublic()));
            List<GeneralName> altNames = new ArrayList<>();
            for (String name : names) {
                altNames.add(isIpLiteral(name) ? new GeneralName(GeneralName.iPAddress, name)
                        : new GeneralName(GeneralName.dNSName, name));
            }
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(altNames.toArray(new GeneralName[0])));
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make the self-signed certificate: " + e.getMessage(), e);
        }
    }

    /** PEM text: a certificate, or a private key as unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    static byte[] pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            if (object instanceof java.security.PrivateKey key) {
                writer.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null));
            } else {
                writer.writeObject(object);
            }
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
