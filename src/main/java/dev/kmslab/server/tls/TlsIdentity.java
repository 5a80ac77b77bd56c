package dev.kmslab.server.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * What the endpoint presents over HTTPS: a private key and its certificate chain (leaf first), where the certificate
 * is kept on disk (the file students pass to {@code --ca-bundle}), and whether the lab made it.
 *
 * @param certificateFile the PEM file holding {@code chain}
 * @param generated       true for the lab's own self-signed certificate, false for an instructor's own files
 * @param notice          a line to print once, e.g. that a new certificate was made and why
 */
public record TlsIdentity(PrivateKey privateKey, List<X509Certificate> chain, Path certificateFile,
                          boolean generated, Optional<String> notice) {

    public TlsIdentity {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a TLS identity needs at least one certificate");
        }
        Objects.requireNonNull(certificateFile, "certificateFile");
        notice = notice == null ? Optional.empty() : notice;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The SHA-256 fingerprint of the leaf certificate as {@code openssl x509 -fingerprint -sha256} prints it. */
    public String sha256Fingerprint() {
        return fingerprint(certificate());
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint the certificate", e);
        }
    }

    /** A TLS 1.2/1.3 server context presenting this key and chain. */
    public SSLContext serverContext() {
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("kmslab", privateKey, password, chain.toArray(new Certificate[0]));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TlsIdentity[certificate=" + certificate().getSubjectX500Principal() + ", file=" + certificateFile
                + ", sha256=" + sha256Fingerprint() + ", privateKey=<hidden>]";
    }
}
