package dev.kmslab.server.ops;

import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.CancelKeyDeletionRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.EnableKeyRequest;
import dev.kmslab.engine.model.KeyListEntry;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.engine.model.ListKeysResult;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionResult;
import dev.kmslab.engine.model.UpdateKeyDescriptionRequest;
import dev.kmslab.server.json.JsonInput;
import dev.kmslab.server.json.JsonOutput;
import java.util.Map;

/** Key lifecycle: CreateKey, DescribeKey, ListKeys, UpdateKeyDescription, Enable/DisableKey, deletion. */
final class KeyEndpoints {

    private KeyEndpoints() {
    }

    static void register(Map<String, Operation> table) {
        table.put("CreateKey", (engine, caller, in, out) ->
                JsonOutput.keyMetadata(out, engine.createKey(caller, createKeyRequest(in)).keyMetadata()));
        table.put("DescribeKey", (engine, caller, in, out) -> JsonOutput.keyMetadata(out,
                engine.describeKey(caller, new DescribeKeyRequest(in.requiredString("KeyId"))).keyMetadata()));
        table.put("ListKeys", (engine, caller, in, out) -> {
            ListKeysResult page = engine.listKeys(caller, new ListKeysRequest(in.integer("Limit"),
                    in.string("Marker")));
            out.writeArrayFieldStart("Keys");
            for (KeyListEntry key : page.keys()) {
                out.writeStartObject();
                out.writeStringField("KeyId", key.keyId());
                out.writeStringField("KeyArn", key.keyArn());
                out.writeEndObject();
            }
            out.writeEndArray();
            JsonOutput.page(out, page.nextMarker(), page.truncated());
        });
        table.put("UpdateKeyDescription", (engine, caller, in, out) -> engine.updateKeyDescription(caller,
                new UpdateKeyDescriptionRequest(in.requiredString("KeyId"), in.requiredString("Description"))));
        table.put("EnableKey", (engine, caller, in, out) ->
                engine.enableKey(caller, new EnableKeyRequest(in.requiredString("KeyId"))));
        table.put("DisableKey", (engine, caller, in, out) ->
                engine.disableKey(caller, new DisableKeyRequest(in.requiredString("KeyId"))));
        table.put("ScheduleKeyDeletion", (engine, caller, in, out) -> {
            ScheduleKeyDeletionResult result = engine.scheduleKeyDeletion(caller, new ScheduleKeyDeletionRequest(
                    in.requiredString("KeyId"), in.integer("PendingWindowInDays")));
            JsonOutput.string(out, "KeyId", result.keyId());
            JsonOutput.timestamp(out, "DeletionDate", result.deletionDate());
            JsonOutput.enumValue(out, "KeyState", result.keyState());
            out.writeNumberField("PendingWindowInDays", result.pendingWindowInDays());
        });
        table.put("CancelKeyDeletion", (engine, caller, in, out) -> JsonOutput.string(out, "KeyId",
                engine.cancelKeyDeletion(caller, new CancelKeyDeletionRequest(in.requiredString("KeyId"))).keyId()));
    }

    private static CreateKeyRequest createKeyRequest(JsonInput in) {
        in.unsupported("XksKeyId", "external key stores are not simulated.");
        KeySpec keySpec = in.enumValue("KeySpec", KeySpec.class);
        KeySpec legacySpec = in.enumValue("CustomerMasterKeySpec", KeySpec.class);
        if (keySpec != null && legacySpec != null) {
            throw new ValidationException("You cannot specify KeySpec and CustomerMasterKeySpec in the same "
                    + "request. CustomerMasterKeySpec is deprecated.");
        }
        return new CreateKeyRequest(in.string("Description"), in.enumValue("KeyUsage", KeyUsage.class),
                keySpec != null ? keySpec : legacySpec, in.enumValue("Origin", OriginType.class), in.tags("Tags"),
                in.string("Policy"), in.bool("BypassPolicyLockoutSafetyCheck"), in.bool("MultiRegion"),
                in.string("CustomKeyStoreId"));
    }
}
