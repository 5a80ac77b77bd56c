package dev.kmslab.server.ops;

import dev.kmslab.engine.model.DataKeyPairSpec;
import dev.kmslab.engine.model.DeriveSharedSecretRequest;
import dev.kmslab.engine.model.DeriveSharedSecretResult;
import dev.kmslab.engine.model.GenerateDataKeyPairRequest;
import dev.kmslab.engine.model.GenerateDataKeyPairResult;
import dev.kmslab.engine.model.GenerateDataKeyPairWithoutPlaintextResult;
import dev.kmslab.engine.model.GetPublicKeyRequest;
import dev.kmslab.engine.model.GetPublicKeyResult;
import dev.kmslab.engine.model.KeyAgreementAlgorithmSpec;
import dev.kmslab.server.json.JsonInput;
import dev.kmslab.server.json.JsonOutput;
import java.util.Map;

/**
 * Public-key operations: GetPublicKey, DeriveSharedSecret and the data key pairs. Public keys are DER
 * SubjectPublicKeyInfo, private keys DER PKCS#8, as in AWS. Shared secrets and plaintext private keys are wiped once
 * written to the response.
 */
final class KeyPairEndpoints {

    private KeyPairEndpoints() {
    }

    static void register(Map<String, Operation> table) {
        table.put("GetPublicKey", (engine, caller, in, out) -> {
            GetPublicKeyResult result = engine.getPublicKey(caller, new GetPublicKeyRequest(
                    in.requiredString("KeyId")));
            JsonOutput.string(out, "KeyId", result.keyId());
            JsonOutput.blob(out, "PublicKey", result.publicKey());
            // CustomerMasterKeySpec is the deprecated twin of KeySpec that AWS still returns.
            JsonOutput.enumValue(out, "CustomerMasterKeySpec", result.keySpec());
            JsonOutput.enumValue(out, "KeySpec", result.keySpec());
            JsonOutput.enumValue(out, "KeyUsage", result.keyUsage());
            JsonOutput.enumList(out, "EncryptionAlgorithms", result.encryptionAlgorithms());
            JsonOutput.enumList(out, "SigningAlgorithms", result.signingAlgorithms());
            JsonOutput.enumList(out, "KeyAgreementAlgorithms", result.keyAgreementAlgorithms());
        });
        table.put("DeriveSharedSecret", (engine, caller, in, out) -> {
            CryptoEndpoints.refuseRecipient(in);
            DeriveSharedSecretResult result = engine.deriveSharedSecret(caller, new DeriveSharedSecretRequest(
                    in.requiredString("KeyId"), in.enumValue("KeyAgreementAlgorithm",
                    KeyAgreementAlgorithmSpec.class), in.requiredBlob("PublicKey")));
            try {
                JsonOutput.string(out, "KeyId", result.keyId());
                JsonOutput.blob(out, "SharedSecret", result.sharedSecret());
                JsonOutput.enumValue(out, "KeyAgreementAlgorithm", result.keyAgreementAlgorithm());
                JsonOutput.enumValue(out, "KeyOrigin", result.keyOrigin());
            } finally {
                result.destroySharedSecret();
            }
        });
        table.put("GenerateDataKeyPair", (engine, caller, in, out) -> {
            CryptoEndpoints.refuseRecipient(in);
            GenerateDataKeyPairResult result = engine.generateDataKeyPair(caller, keyPairRequest(in));
            try {
                JsonOutput.blob(out, "PrivateKeyCiphertextBlob", result.privateKeyCiphertextBlob());
                JsonOutput.blob(out, "PrivateKeyPlaintext", result.privateKeyPlaintext());
                JsonOutput.blob(out, "PublicKey", result.publicKey());
                JsonOutput.string(out, "KeyId", result.keyId());
                JsonOutput.enumValue(out, "KeyPairSpec", result.keyPairSpec());
            } finally {
                result.destroyPlaintext();
            }
        });
        table.put("GenerateDataKeyPairWithoutPlaintext", (engine, caller, in, out) -> {
            GenerateDataKeyPairWithoutPlaintextResult result = engine.generateDataKeyPairWithoutPlaintext(caller,
                    keyPairRequest(in));
            JsonOutput.blob(out, "PrivateKeyCiphertextBlob", result.privateKeyCiphertextBlob());
            JsonOutput.blob(out, "PublicKey", result.publicKey());
            JsonOutput.string(out, "KeyId", result.keyId());
            JsonOutput.enumValue(out, "KeyPairSpec", result.keyPairSpec());
        });
    }

    private static GenerateDataKeyPairRequest keyPairRequest(JsonInput in) {
        return new GenerateDataKeyPairRequest(in.stringMap("EncryptionContext"), in.requiredString("KeyId"),
                in.enumValue("KeyPairSpec", DataKeyPairSpec.class));
    }
}
