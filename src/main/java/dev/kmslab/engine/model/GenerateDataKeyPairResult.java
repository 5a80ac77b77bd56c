package dev.kmslab.engine.model;

import java.util.Arrays;

/**
 * GenerateDataKeyPair. privateKeyCiphertextBlob decrypts with Decrypt to the PKCS#8 DER private key;
 * privateKeyPlaintext is that private key (the engine's only copy: wipe it with {@link #destroyPlaintext()});
 * publicKey is DER SubjectPublicKeyInfo; keyId is the ARN of the symmetric key that encrypted the private key.
 */
public record GenerateDataKeyPairResult(byte[] privateKeyCiphertextBlob, byte[] privateKeyPlaintext, byte[] publicKey,
                                        String keyId, DataKeyPairSpec keyPairSpec) {

    public void destroyPlaintext() {
        Arrays.fill(privateKeyPlaintext, (byte) 0);
    }

    @Override
    public String toString() {
        return "GenerateDataKeyPairResult[keyId=" + keyId + ", " + keyPairSpec + ", privateKeyCiphertextBlob="
                + privateKeyCiphertextBlob.length + " bytes, privateKeyPlaintext=<hidden>, publicKey="
                + publicKey.length + " bytes]";
    }
}
