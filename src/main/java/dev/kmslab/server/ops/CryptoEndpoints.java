package dev.kmslab.server.ops;

import dev.kmslab.engine.model.DataKeySpec;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.EncryptResult;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateDataKeyResult;
import dev.kmslab.engine.model.GenerateDataKeyWithoutPlaintextResult;
import dev.kmslab.engine.model.GenerateRandomRequest;
import dev.kmslab.engine.model.GenerateRandomResult;
import dev.kmslab.engine.model.ReEncryptRequest;
import dev.kmslab.engine.model.ReEncryptResult;
import dev.kmslab.server.json.JsonInput;
import dev.kmslab.server.json.JsonOutput;
import java.util.Arrays;
import java.util.Map;

/**
 * Encrypt, Decrypt, ReEncrypt, the data key operations and GenerateRandom. Plaintext buffers are wiped once written
 * to the response. Recipient (Nitro Enclaves attestation) is refused, not ignored. DryRun is read before the
 * operation runs ({@link OperationTable#dryRunAware}).
 */
final class CryptoEndpoints {

    private CryptoEndpoints() {
    }

    static void register(Map<String, Operation> table) {
        table.put("Encrypt", (engine, caller, in, out) -> {
            byte[] plaintext = in.requiredBlob("Plaintext");
            EncryptResult result;
            try {
                result = engine.encrypt(caller, new EncryptRequest(in.requiredString("KeyId"), plaintext,
                        in.stringMap("EncryptionContext"), algorithm(in, "EncryptionAlgorithm")));
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
            JsonOutput.blob(out, "CiphertextBlob", result.ciphertextBlob());
            JsonOutput.string(out, "KeyId", result.keyId());
            JsonOutput.enumValue(out, "EncryptionAlgorithm", result.encryptionAlgorithm());
        });
        table.put("Decrypt", (engine, caller, in, out) -> {
            refuseRecipient(in);
            DecryptResult result = engine.decrypt(caller, new DecryptRequest(in.requiredBlob("CiphertextBlob"),
                    in.stringMap("EncryptionContext"), in.string("KeyId"), algorithm(in, "EncryptionAlgorithm")));
            try {
                JsonOutput.string(out, "KeyId", result.keyId());
                JsonOutput.blob(out, "Plaintext", result.plaintext());
                JsonOutput.enumValue(out, "EncryptionAlgorithm", result.encryptionAlgorithm());
            } finally {
                result.destroyPlaintext();
            }
        });
        table.put("ReEncrypt", (engine, caller, in, out) -> {
            ReEncryptResult result = engine.reEncrypt(caller, new ReEncryptRequest(in.requiredBlob("CiphertextBlob"),
                    in.stringMap("SourceEncryptionContext"), in.string("SourceKeyId"),
                    in.requiredString("DestinationKeyId"), in.stringMap("DestinationEncryptionContext"),
                    algorithm(in, "SourceEncryptionAlgorithm"), algorithm(in, "DestinationEncryptionAlgorithm")));
            JsonOutput.blob(out, "CiphertextBlob", result.ciphertextBlob());
            JsonOutput.string(out, "SourceKeyId", result.sourceKeyId());
            JsonOutput.string(out, "KeyId", result.keyId());
            JsonOutput.enumValue(out, "SourceEncryptionAlgorithm", result.sourceEncryptionAlgorithm());
            JsonOutput.enumValue(out, "DestinationEncryptionAlgorithm", result.destinationEncryptionAlgorithm());
        });
        table.put("GenerateDataKey", (engine, caller, in, out) -> {
            refuseRecipient(in);
            GenerateDataKeyResult result = engine.generateDataKey(caller, dataKeyRequest(in));
            try {
                JsonOutput.blob(out, "CiphertextBlob", result.ciphertextBlob());
                JsonOutput.blob(out, "Plaintext", result.plaintext());
                JsonOutput.string(out, "KeyId", result.keyId());
            } finally {
                result.destroyPlaintext();
            }
        });
        table.put("GenerateDataKeyWithoutPlaintext", (engine, caller, in, out) -> {
            GenerateDataKeyWithoutPlaintextResult result = engine.generateDataKeyWithoutPlaintext(caller,
                    dataKeyRequest(in));
            JsonOutput.blob(out, "CiphertextBlob", result.ciphertextBlob());
            JsonOutput.string(out, "KeyId", result.keyId());
        });
        table.put("GenerateRandom", (engine, caller, in, out) -> {
            refuseRecipient(in);
            GenerateRandomResult result = engine.generateRandom(caller,
                    new GenerateRandomRequest(in.integer("NumberOfBytes"), in.string("CustomKeyStoreId")));
            try {
                JsonOutput.blob(out, "Plaintext", result.plaintext());
            } finally {
                result.destroyPlaintext();
            }
        });
    }

    private static GenerateDataKeyRequest dataKeyRequest(JsonInput in) {
        return new GenerateDataKeyRequest(in.requiredString("KeyId"), in.stringMap("EncryptionContext"),
                in.integer("NumberOfBytes"), in.enumValue("KeySpec", DataKeySpec.class));
    }

    private static EncryptionAlgorithmSpec algorithm(JsonInput in, String member) {
        return in.enumValue(member, EncryptionAlgorithmSpec.class);
    }

    static void refuseRecipient(JsonInput in) {
        in.unsupported("Recipient", "Nitro Enclaves attestation is not simulated.");
    }
}
