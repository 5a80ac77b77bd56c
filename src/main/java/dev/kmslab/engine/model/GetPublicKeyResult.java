package dev.kmslab.engine.model;

import java.util.Base64;
import java.util.List;

/**
 * GetPublicKey: the DER SubjectPublicKeyInfo and how the key may be used; only the algorithm list matching the key
 * usage is non-empty. keyId is the key ARN.
 */
public record GetPublicKeyResult(String keyId, byte[] publicKey, KeySpec keySpec, KeyUsage keyUsage,
                                 List<EncryptionAlgorithmSpec> encryptionAlgorithms,
                                 List<SigningAlgorithmSpec> signingAlgorithms,
                                 List<KeyAgreementAlgorithmSpec> keyAgreementAlgorithms) {

    public GetPublicKeyResult {
        publicKey = publicKey.clone();
        encryptionAlgorithms = List.copyOf(encryptionAlgorithms);
        signingAlgorithms = List.copyOf(signingAlgorithms);
        keyAgreementAlgorithms = List.copyOf(keyAgreementAlgorithms);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The public key as a PEM block ({@code -----BEGIN PUBLIC KEY-----}), ready for OpenSSL. */
    public String pem() {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(publicKey);
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    @Override
    public String toString() {
        return "GetPublicKeyResult[keyId=" + keyId + ", " + keySpec + ", " + keyUsage + ", publicKey="
                + publicKey.length + " bytes]";
    }
}
