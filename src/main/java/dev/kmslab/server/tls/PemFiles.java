package dev.kmslab.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads a PEM certificate chain and its private key ({@code --tls-cert FILE --tls-key FILE}): the certificate file
 * holds the server certificate first, then any intermediates; the key file holds an unencrypted private key as PKCS#8
 * ({@code BEGIN PRIVATE KEY}) or in the traditional RSA/EC form ({@code BEGIN RSA PRIVATE KEY},
 * {@code BEGIN EC PRIVATE KEY}). Every problem is an {@link IllegalArgumentException} naming the file.
 */
public final class PemFiles {

    private PemFiles() {
    }

    /** The instructor's own certificate and key. */
    public static TlsIdentity loadOwn(Path certificateFile, Path keyFile) {
        return load(certificateFile, keyFile, false);
    }

    static TlsIdentity load(Path certificateFile, Path keyFile, boolean generated) {
        List<X509Certificate> chain = readCertificates(certificateFile);
        PrivateKey key = readPrivateKey(keyFile);
        if (!matches(key, chain.get(0).getPublicKey())) {
            throw new IllegalArgumentException(keyFile + ": this private key does not belong to the certificate in "
                    + certificateFile);
        }
        return new TlsIdentity(key, chain, certificateFile, generated, Optional.empty());
    }

    static List<X509Certificate> readCertificates(Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        try (PEMParser parser = new PEMParser(reader(file))) {
            Object item;
            while ((item = parser.readObject()) != null) {
                if (item instanceof X509CertificateHolder holder) {
                    chain.add(new JcaX509CertificateConverter().getCertificate(holder));
                } else {
                    throw new IllegalArgumentException(file + ": expected only CERTIFICATE blocks, found "
                            + describe(item));
                }
            }
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException(file + ": not a readable PEM certificate file (" + e.getMessage()
                    + ")", e);
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException(file + ": holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    static PrivateKey readPrivateKey(Path file) {
        try (PEMParser parser = new PEMParser(reader(file))) {
            Object item = parser.readObject();
            if (item == null) {
                throw new IllegalArgumentException(file + ": holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
            }
            if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw new IllegalArgumentException(file + ": the private key is encrypted with a passphrase; the lab "
                        + "needs it unencrypted (for example: openssl pkey -in KEY -out key-plain.pem), kept "
                        + "readable only by you");
            }
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (item instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (item instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IllegalArgumentException(file + ": expected a PRIVATE KEY block, found " + describe(item));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a readable PEM private key file (" + e.getMessage()
                    + ")", e);
        }
    }

    private static Reader reader(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        return Files.newBufferedReader(file, StandardCharsets.US_ASCII);
    }

    // A signature made with the key and checked with the certificate's public key proves they are one pair.
    private static boolean matches(PrivateKey key, PublicKey certified) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        return algorithm != null && signs(key, certified, algorithm);
    }

    private static boolean signs(PrivateKey key, PublicKey certified, String algorithm) {
        try {
            byte[] probe = "kms-lab tls key check".getBytes(StandardCharsets.US_ASCII);
            java.security.Signature signer = java.security.Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private static String describe(Object item) {
        return item instanceof PEMKeyPair || item instanceof PrivateKeyInfo ? "a private key"
                : item.getClass().getSimpleName();
    }
}
