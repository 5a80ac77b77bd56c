package dev.kmslab.server.ops;

import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.engine.model.ReplicateKeyResult;
import dev.kmslab.engine.model.UpdatePrimaryRegionRequest;
import dev.kmslab.server.json.JsonOutput;
import java.util.Map;

/**
 * ReplicateKey and UpdatePrimaryRegion. Both are sent to the primary key's Region; the server picks that Region's
 * engine from the request's SigV4 credential scope.
 */
final class MultiRegionEndpoints {

    private MultiRegionEndpoints() {
    }

    static void register(Map<String, Operation> table) {
        table.put("ReplicateKey", (engine, caller, in, out) -> {
            ReplicateKeyResult result = engine.replicateKey(caller, new ReplicateKeyRequest(
                    in.requiredString("KeyId"), in.requiredString("ReplicaRegion"), in.string("Policy"),
                    in.bool("BypassPolicyLockoutSafetyCheck"), in.string("Description"), in.tags("Tags")));
            JsonOutput.keyMetadata(out, "ReplicaKeyMetadata", result.replicaKeyMetadata());
            JsonOutput.string(out, "ReplicaPolicy", result.replicaPolicy());
            JsonOutput.tags(out, "ReplicaTags", result.replicaTags());
        });
        table.put("UpdatePrimaryRegion", (engine, caller, in, out) -> engine.updatePrimaryRegion(caller,
                new UpdatePrimaryRegionRequest(in.requiredString("KeyId"), in.requiredString("PrimaryRegion"))));
    }
}
