package dev.kmslab.server.ops;

import dev.kmslab.engine.model.DisableKeyRotationRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusResult;
import dev.kmslab.engine.model.IncludeKeyMaterial;
import dev.kmslab.engine.model.ListKeyRotationsRequest;
import dev.kmslab.engine.model.ListKeyRotationsResult;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.engine.model.RotationsListEntry;
import dev.kmslab.server.json.JsonOutput;
import java.util.Map;

/** Automatic and on-demand rotation, its status and its history. */
final class RotationEndpoints {

    private RotationEndpoints() {
    }

    static void register(Map<String, Operation> table) {
        table.put("EnableKeyRotation", (engine, caller, in, out) -> engine.enableKeyRotation(caller,
                new EnableKeyRotationRequest(in.requiredString("KeyId"), in.integer("RotationPeriodInDays"))));
        table.put("DisableKeyRotation", (engine, caller, in, out) ->
                engine.disableKeyRotation(caller, new DisableKeyRotationRequest(in.requiredString("KeyId"))));
        table.put("GetKeyRotationStatus", (engine, caller, in, out) -> {
            GetKeyRotationStatusResult status = engine.getKeyRotationStatus(caller,
                    new GetKeyRotationStatusRequest(in.requiredString("KeyId")));
            out.writeBooleanField("KeyRotationEnabled", status.keyRotationEnabled());
            JsonOutput.string(out, "KeyId", status.keyId());
            JsonOutput.integer(out, "RotationPeriodInDays", status.rotationPeriodInDays());
            JsonOutput.timestamp(out, "NextRotationDate", status.nextRotationDate());
            JsonOutput.timestamp(out, "OnDemandRotationStartDate", status.onDemandRotationStartDate());
        });
        table.put("RotateKeyOnDemand", (engine, caller, in, out) -> JsonOutput.string(out, "KeyId",
                engine.rotateKeyOnDemand(caller, new RotateKeyOnDemandRequest(in.requiredString("KeyId"))).keyId()));
        table.put("ListKeyRotations", (engine, caller, in, out) -> {
            ListKeyRotationsResult page = engine.listKeyRotations(caller, new ListKeyRotationsRequest(
                    in.requiredString("KeyId"), in.integer("Limit"), in.string("Marker"),
                    in.enumValue("IncludeKeyMaterial", IncludeKeyMaterial.class)));
            out.writeArrayFieldStart("Rotations");
            for (RotationsListEntry rotation : page.rotations()) {
                out.writeStartObject();
                JsonOutput.string(out, "KeyId", rotation.keyId());
                JsonOutput.string(out, "KeyMaterialId", rotation.keyMaterialId());
                JsonOutput.string(out, "KeyMaterialDescription", rotation.keyMaterialDescription());
                JsonOutput.enumValue(out, "ImportState", rotation.importState());
                JsonOutput.enumValue(out, "KeyMaterialState", rotation.keyMaterialState());
                JsonOutput.enumValue(out, "ExpirationModel", rotation.expirationModel());
                JsonOutput.timestamp(out, "ValidTo", rotation.validTo());
                JsonOutput.timestamp(out, "RotationDate", rotation.rotationDate());
                JsonOutput.enumValue(out, "RotationType", rotation.rotationType());
                out.writeEndObject();
            }
            out.writeEndArray();
            JsonOutput.page(out, page.nextMarker(), page.truncated());
        });
    }
}
