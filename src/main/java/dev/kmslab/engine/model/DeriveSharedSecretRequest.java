package dev.kmslab.engine.model;

/** DeriveSharedSecret: a KEY_AGREEMENT key, the algorithm (ECDH) and the peer's DER SubjectPublicKeyInfo. */
public record DeriveSharedSecretRequest(String keyId, KeyAgreementAlgorithmSpec keyAgreementAlgorithm,
                                        byte[] publicKey) {

    @Override
    public String toString() {
        return "DeriveSharedSecretRequest[keyId=" + keyId + ", " + keyAgreementAlgorithm + ", publicKey="
                + (publicKey == null ? 0 : publicKey.length) + " bytes]";
    }
}
