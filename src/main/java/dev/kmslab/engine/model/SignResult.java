package dev.kmslab.engine.model;

/** Sign: the signature (DER for ECDSA, PKCS#1 bytes for RSA, 64 bytes for Ed25519); keyId is the key ARN. */
public record SignResult(String keyId, byte[] signature, SigningAlgorithmSpec signingAlgorithm) {

    @Override
    public String toString() {
        return "SignResult[keyId=" + keyId + ", signature=" + signature.length + " bytes, " + signingAlgorithm + "]";
    }
}
