package dev.kmslab.server.ops;

import dev.kmslab.engine.model.AlgorithmSpec;
import dev.kmslab.engine.model.DeleteImportedKeyMaterialRequest;
import dev.kmslab.engine.model.DeleteImportedKeyMaterialResult;
import dev.kmslab.engine.model.ExpirationModelType;
import dev.kmslab.engine.model.GetParametersForImportRequest;
import dev.kmslab.engine.model.GetParametersForImportResult;
import dev.kmslab.engine.model.ImportKeyMaterialRequest;
import dev.kmslab.engine.model.ImportKeyMaterialResult;
import dev.kmslab.engine.model.WrappingKeySpec;
import dev.kmslab.server.json.JsonOutput;
import java.util.Map;

/**
 * Imported key material: GetParametersForImport, ImportKeyMaterial, DeleteImportedKeyMaterial. The engine keeps one
 * piece of key material per key, so the members that pick among several (ImportType, KeyMaterialId,
 * KeyMaterialDescription) are refused rather than silently applied to the only one.
 */
final class ImportEndpoints {

    private static final String ONE_MATERIAL = "KMS Lab keeps a single piece of imported key material per key.";

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
            in.unsupported("ImportType", ONE_MATERIAL);
            in.unsupported("KeyMaterialId", ONE_MATERIAL);
            in.unsupported("KeyMaterialDescription", ONE_MATERIAL);
            ImportKeyMaterialResult result = engine.importKeyMaterial(caller, new ImportKeyMaterialRequest(
                    in.requiredString("KeyId"), in.requiredBlob("ImportToken"), in.requiredBlob("EncryptedKeyMaterial"),
                    in.timestamp("ValidTo"), in.enumValue("ExpirationModel", ExpirationModelType.class)));
            JsonOutput.string(out, "KeyId", result.keyId());
            JsonOutput.string(out, "KeyMaterialId", result.keyMaterialId());
        });
        table.put("DeleteImportedKeyMaterial", (engine, caller, in, out) -> {
            in.unsupported("KeyMaterialId", ONE_MATERIAL);
            DeleteImportedKeyMaterialResult result = engine.deleteImportedKeyMaterial(caller,
                    new DeleteImportedKeyMaterialRequest(in.requiredString("KeyId")));
            JsonOutput.string(out, "KeyId", result.keyId());
            JsonOutput.string(out, "KeyMaterialId", result.keyMaterialId());
        });
    }
}
