package dev.kmslab.engine.model;

/** GenerateDataKeyPairWithoutPlaintext: like GenerateDataKeyPair without the plaintext private key. */
public record GenerateDataKeyPairWithoutPlaintextResult(byte[] privateKeyCiphertextBlob, byte[] publicKey,
                                                        String keyId, DataKeyPairSpec keyPairSpec) {

    @Override
    public String toString() {
        return "GenerateDataKeyPairWithoutPlaintextResult[keyId=" + keyId + ", " + keyPairSpec
                + ", privateKeyCiphertextBlob=" + privateKeyCiphertextBlob.length + " bytes, publicKey="
                + publicKey.length + " bytes]";
    }
}
