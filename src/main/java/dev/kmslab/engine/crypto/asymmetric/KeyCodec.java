package dev.kmslab.engine.crypto.asymmetric;

import dev.kmslab.engine.error.IncorrectKeyMaterialException;
import dev.kmslab.engine.model.KeySpec;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.jcajce.interfaces.MLDSAPrivateKey;
import org.bouncycastle.math.ec.ECPoint;

/** Decodes and checks PKCS#8 private keys per key spec, and recomputes public keys from private keys. */
final class KeyCodec {

    private KeyCodec() {
    }

    /** JCA key algorithm name for a spec. */
    static String keyAlgorithm(KeySpec spec) {
        switch (spec.family()) {
            case RSA:
                return "RSA";
            case ECC_NIST:
            case ECC_SECG:
                return "EC";
            case EDWARDS:
                return "Ed25519";
            case ML_DSA:
                return spec.parameterName();
            default:
                throw new IllegalArgumentException(spec + " has no key pair");
        }
    }

    static KeyFactory keyFactory(KeySpec spec) throws GeneralSecurityException {
        String algorithm = keyAlgorithm(spec);
        return Providers.needsBouncyCastle(spec)
                ? KeyFactory.getInstance(algorithm, Providers.bouncyCastle())
                : KeyFactory.getInstance(algorithm);
    }

    /** The ASN.1 algorithm identifier a PKCS#8 or SPKI encoding of this spec must carry. */
    static AlgorithmIdentifier algorithmIdentifier(KeySpec spec) {
        switch (spec.family()) {
            case RSA:
                return new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption);
            case ECC_NIST:
            case ECC_SECG:
                return new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curveOid(spec));
            case EDWARDS:
                return new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
            case ML_DSA:
                return new AlgorithmIdentifier(mlDsaOid(spec));
            default:
                throw new IllegalArgumentException(spec + " has no key pair");
        }
    }

    static ASN1ObjectIdentifier curveOid(KeySpec spec) {
        return ECNamedCurveTable.getOID(spec.parameterName());
    }

    static X9ECParameters curve(KeySpec spec) {
        return ECNamedCurveTable.getByName(spec.parameterName());
    }

    private static ASN1ObjectIdentifier mlDsaOid(KeySpec spec) {
        switch (spec) {
            case ML_DSA_44:
                return NISTObjectIdentifiers.id_ml_dsa_44;
            case ML_DSA_65:
                return NISTObjectIdentifiers.id_ml_dsa_65;
            default:
                return NISTObjectIdentifiers.id_ml_dsa_87;
        }
    }

    /** Parses PKCS#8 bytes and checks they hold a private key of exactly this spec. */
    static PrivateKey decodePrivateKey(KeySpec spec, byte[] pkcs8) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8);
            if (!algorithmIdentifier(spec).equals(normalise(info.getPrivateKeyAlgorithm()))) {
                throw notForSpec(spec);
            }
            PrivateKey key = keyFactory(spec).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            if (spec.family() == KeySpec.Family.RSA
                    && ((RSAPrivateCrtKey) key).getModulus().bitLength() != spec.bits()) {
                throw notForSpec(spec);
            }
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof IncorrectKeyMaterialException) {
                throw (IncorrectKeyMaterialException) e;
            }
            throw notForSpec(spec);
        }
    }

    /** RSA identifiers carry an explicit NULL parameter in most encodings; compare without it. */
    private static AlgorithmIdentifier normalise(AlgorithmIdentifier id) {
        if (PKCSObjectIdentifiers.rsaEncryption.equals(id.getAlgorithm())) {
            return new AlgorithmIdentifier(id.getAlgorithm());
        }
        return id;
    }

    private static IncorrectKeyMaterialException notForSpec(KeySpec spec) {
        return new IncorrectKeyMaterialException(
                "The key material is not a valid PKCS#8 private key for KeySpec " + spec + ".");
    }

    /** Recomputes the public key that belongs to a private key. */
    static PublicKey derivePublicKey(KeySpec spec, PrivateKey privateKey) {
        try {
            switch (spec.family()) {
                case RSA: {
                    RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
                    return keyFactory(spec).generatePublic(
                            new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
                }
                case ECC_NIST:
                case ECC_SECG: {
                    ECPrivateKey ec = (ECPrivateKey) privateKey;
                    ECPoint q = curve(spec).getG().multiply(ec.getS()).normalize();
                    java.security.spec.ECPoint w = new java.security.spec.ECPoint(
                            q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
                    return keyFactory(spec).generatePublic(new ECPublicKeySpec(w, ec.getParams()));
                }
                case EDWARDS:
                    return ed25519PublicKey((EdECPrivateKey) privateKey);
                case ML_DSA:
                    return ((MLDSAPrivateKey) privateKey).getPublicKey();
                default:
                    throw new IllegalArgumentException(spec + " has no key pair");
            }
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Could not derive the public key for " + spec, e);
        }
    }

    private static PublicKey ed25519PublicKey(EdECPrivateKey privateKey)
            throws GeneralSecurityException, java.io.IOException {
        byte[] seed = privateKey.getBytes().orElseThrow(() -> new IllegalStateException("no Ed25519 seed"));
        try {
            byte[] raw = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
            byte[] spki = new SubjectPublicKeyInfo(algorithmIdentifier(KeySpec.ECC_NIST_EDWARDS25519), raw)
                    .getEncoded();
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The raw 32-byte Ed25519 seed of a private key; the caller wipes it. */
    static byte[] ed25519Seed(PrivateKey privateKey) {
        return ((EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new IllegalStateException("no Ed25519 seed"));
    }

    /** The raw 32-byte Ed25519 public key: the BIT STRING of its SubjectPublicKeyInfo. */
    static byte[] ed25519RawPublicKey(PublicKey publicKey) {
        return SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()).getPublicKeyData().getOctets();
    }
}
