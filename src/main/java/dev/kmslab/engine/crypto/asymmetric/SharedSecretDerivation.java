package dev.kmslab.engine.crypto.asymmetric;

import dev.kmslab.engine.crypto.AsymmetricKeyMaterial;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.crypto.asymmetric.spec.KeySpecRules;
import dev.kmslab.engine.error.KMSInternalException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.KeyAgreementAlgorithmSpec;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECPublicKeySpec;
import javax.crypto.KeyAgreement;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.math.ec.ECPoint;

/**
 * DeriveSharedSecret: raw ECDH between the KMS key's private key and a peer public key on the same NIST curve. The
 * result is the x-coordinate of the shared point, as long as the field (32, 48 or 66 bytes); it is not passed
 * through a KDF, so callers should derive keys from it themselves.
 */
public final class SharedSecretDerivation {

    private SharedSecretDerivation() {
    }

    /**
     * @param peerPublicKey the peer's DER SubjectPublicKeyInfo (uncompressed or compressed point)
     * @throws ValidationException when the peer key is malformed, on another curve, or not a valid curve point
     */
    public static byte[] derive(KeyMaterial key, KeyUsage usage, KeyAgreementAlgorithmSpec algorithm,
            byte[] peerPublicKey) {
        Requests.required(algorithm, "keyAgreementAlgorithm");
        Requests.usage(usage, KeyUsage.KEY_AGREEMENT, "DeriveSharedSecret");
        AsymmetricKeyMaterial material = Requests.asymmetric(key, "DeriveSharedSecret");
        if (!KeySpecRules.algorithms(material.spec(), usage).keyAgreement().contains(algorithm)) {
            throw Requests.incompatible("key agreement", algorithm, material.spec());
        }
        Requests.length(peerPublicKey, "publicKey", 1, KeySpecRules.MAX_PUBLIC_KEY_BYTES);
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(material.privateKey());
            agreement.doPhase(peerKey(material, peerPublicKey), true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new KMSInternalException("ECDH key agreement failed.", e);
        }
    }

    /** Parses and validates the peer key; rebuilding it from the decoded point also accepts compressed points. */
    private static PublicKey peerKey(AsymmetricKeyMaterial material, byte[] der) throws GeneralSecurityException {
        KeySpec spec = material.spec();
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(der);
        } catch (RuntimeException e) {
            throw new ValidationException("The PublicKey is not a DER-encoded X.509 SubjectPublicKeyInfo.");
        }
        if (info == null || !KeyCodec.algorithmIdentifier(spec).equals(info.getAlgorithm())) {
            throw new ValidationException("The PublicKey must be an elliptic curve public key on the same curve as "
                    + "the KMS key (" + spec + ", " + spec.parameterName() + ").");
        }
        ECPoint point;
        try {
            point = KeyCodec.curve(spec).getCurve().decodePoint(info.getPublicKeyData().getOctets()).normalize();
        } catch (RuntimeException e) {
            point = null;
        }
        if (point == null || point.isInfinity() || !point.isValid()) {
            throw new ValidationException("The PublicKey is not a valid point on curve " + spec.parameterName()
                    + ".");
        }
        java.security.spec.ECPoint w = new java.security.spec.ECPoint(
                point.getAffineXCoord().toBigInteger(), point.getAffineYCoord().toBigInteger());
        ECPrivateKey privateKey = (ECPrivateKey) material.privateKey();
        return KeyCodec.keyFactory(spec).generatePublic(new ECPublicKeySpec(w, privateKey.getParams()));
    }
}
