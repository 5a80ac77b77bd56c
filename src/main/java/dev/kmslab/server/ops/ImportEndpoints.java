package dev.kmslab.server.ops;

import dev.kmslab.engine.model.AlgorithmSpec;
import dev.kmslab.engine.model.DeleteImportedKeyMaterialRequest;
import dev.kmslab.engine.model.DeleteImportedKeyMaterialResult;
import dev.kmslab.engine.model.ExpirationModelType;
import dev.kmslab.engine.model.GetParametersForImportRequest;
import dev.kmslab.engine.model.GetParametersForImportResult;
import dev.kmslab.engine.model.ImportKeyMaterialRequest;
import dev.kmslab.engine.model.ImportKeyMaterialResult;
import dev.kmslab.engine.model.ImportType;
import dev.kmslab.engine.model.WrappingKeySpec;
import dev.kmslab.server.json.JsonOutput;
import java.util.Map;

/**
 * Imported key material: GetParametersForImport, ImportKeyMaterial (with ImportType, KeyMaterialDescription and
 * KeyMaterialId, for symmetric keys that hold several materials) and DeleteImportedKeyMaterial (with KeyMaterialId).
 */
final class ImportEndpoints {

    private ImportEndpoints() {
    }

    static void register(Map<String, Operation> table) {
        table.put("GetParametersForImport", (engine, caller, in, out) -> {
            GetParametersForImportResult result = engine.getParametersForImport(caller,
                    new GetParametersForImportRequest(in.requiredString("KeyId"),
                            in.enumValue("WrappingAlgorithm", AlgorithmSpec.class),
                            in.enumValue("WrappingKeySpec", WrappingKeySpec.class)));
            JsonOutput.string(out, "KeyId", result.keyId());
            JsonOutput.blob(out, "ImportToken", result.importToken());
            JsonOutput.blob(out, "PublicKey", result.publicKey());
            JsonOutput.timestamp(out, "ParametersValidTo", result.parametersValidTo());
        });
        table.put("ImportKeyMaterial", (engine, caller, in, out) -> {
            ImportKeyMaterialResult result = engine.importKeyMaterial(caller, new ImportKeyMaterialRequest(
                    in.requiredString("KeyId"), in.requiredBlob("ImportToken"), in.requiredBlob("EncryptedKeyMaterial"),
                    in.timestamp("ValidTo"), in.enumValue("ExpirationModel", ExpirationModelType.class),
                    in.enumValue("ImportType", ImportType.class), in.string("KeyMaterialDescription"),
                    in.string("KeyMaterialId")));
            JsonOutput.string(out, "KeyId", result.keyId());
            JsonOutput.string(out, "KeyMaterialId", result.keyMaterialId());
        });
        table.put("DeleteImportedKeyMaterial", (engine, caller, in, out) -> {
            DeleteImportedKeyMaterialResult result = engine.deleteImportedKeyMaterial(caller,
                    new DeleteImportedKeyMaterialRequest(in.requiredString("KeyId"), in.string("KeyMaterialId")));
            JsonOutput.string(out, "KeyId", result.keyId());
            JsonOutput.string(out, "KeyMaterialId", result.keyMaterialId());
        });
    }
}
