package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;

import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixture whose key {@link #keyId} is in a chosen state, with alias/mine on it, alias/other on a second key, and
 * a ciphertext made before the state change.
 */
class EngineFixtureWithBlobs {

    final EngineFixture base = new EngineFixture();
    final KmsEngine engine = base.engine;
    final String keyId = base.newKey();
    final Map<String, byte[]> blobs = new HashMap<>();
    /** A Decrypt grant on {@link #keyId} to role/app, made while the key was enabled. */
    final String grantId;

    EngineFixtureWithBlobs(KeyState state) {
        String other = base.newKey();
        engine.createAlias(ROOT, new CreateAliasRequest("alias/mine", keyId));
        engine.createAlias(ROOT, new CreateAliasRequest("alias/other", other));
        blobs.put(keyId, engine.encrypt(ROOT, EncryptRequest.of(keyId, new byte[] {1, 2, 3}, null)).ciphertextBlob());
        grantId = engine.createGrant(ROOT, CreateGrantRequest.of(keyId, "arn:aws:iam::111122223333:role/app",
                List.of("Decrypt"))).grantId();
        if (state == KeyState.Disabled) {
            engine.disableKey(ROOT, new DisableKeyRequest(keyId));
        } else if (state == KeyState.PendingDeletion) {
            engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));
        }
    }

    String arn(String id) {
        return base.arn(id);
    }

    byte[] encrypt(String id, String text) {
        return base.encrypt(id, text);
    }
}
