package dev.kmslab.engine;

import dev.kmslab.engine.envelope.DataKeyProvider;
import dev.kmslab.engine.envelope.GeneratedDataKey;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.EncryptResult;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateDataKeyResult;
import java.util.Map;
import java.util.Objects;

/**
 * Envelope encryption backed by this engine: data keys come from GenerateDataKey (AES_256) and are opened with
 * Decrypt, both made as {@code caller}, so key policies, key states and the audit log apply exactly as they would
 * for an SDK that calls AWS KMS.
 */
public final class EngineDataKeyProvider implements DataKeyProvider {

    private final KmsEngine engine;
    private final CallerContext caller;

    public EngineDataKeyProvider(KmsEngine engine, CallerContext caller) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    @Override
    public GeneratedDataKey generateDataKey(String keyId, Map<String, String> encryptionContext) {
        GenerateDataKeyResult result = engine.generateDataKey(caller,
                GenerateDataKeyRequest.aes256(keyId, encryptionContext));
        // GeneratedDataKey takes ownership of the engine's only plaintext copy and zeroes it on close.
        return new GeneratedDataKey(result.plaintext(), result.ciphertextBlob(), result.keyId());
    }

    @Override
    public byte[] decryptDataKey(byte[] encryptedDataKey, Map<String, String> encryptionContext) {
        DecryptResult result = engine.decrypt(caller, DecryptRequest.of(encryptedDataKey, encryptionContext));
        return result.plaintext();
    }

    @Override
    public byte[] decryptDataKey(byte[] encryptedDataKey, Map<String, String> encryptionContext, String keyArn) {
        DecryptResult result = engine.decrypt(caller,
                new DecryptRequest(encryptedDataKey, encryptionContext, keyArn, null));
        return result.plaintext();
    }

    /** Encrypt of the data key under {@code keyId}; the returned object holds a copy of the plaintext. */
    @Override
    public GeneratedDataKey encryptDataKey(String keyId, byte[] plaintextDataKey,
            Map<String, String> encryptionContext) {
        EncryptResult result = engine.encrypt(caller, EncryptRequest.of(keyId, plaintextDataKey, encryptionContext));
        return new GeneratedDataKey(plaintextDataKey.clone(), result.ciphertextBlob(), result.keyId());
    }
}
