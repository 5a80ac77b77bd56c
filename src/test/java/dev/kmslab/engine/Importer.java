package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;

import dev.kmslab.engine.model.AlgorithmSpec;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.GetParametersForImportRequest;
import dev.kmslab.engine.model.GetParametersForImportResult;
import dev.kmslab.engine.model.ImportKeyMaterialRequest;
import dev.kmslab.engine.model.IncludeKeyMaterial;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.ListKeyRotationsRequest;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.RotationsListEntry;
import dev.kmslab.engine.model.WrappingKeySpec;
import java.util.Arrays;
import java.util.List;

/** Client-side steps of importing key material into an engine, for tests: create, get parameters, wrap, import. */
final class Importer {

    private final KmsEngine engine;

    Importer(KmsEngine engine) {
        this.engine = engine;
    }

    String externalKey(KeySpec spec, KeyUsage usage) {
        return engine.createKey(ROOT, new CreateKeyRequest(null, usage, spec, OriginType.EXTERNAL, null))
                .keyMetadata().keyId();
    }

    String externalSymmetricKey() {
        return externalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
    }

    GetParametersForImportResult parameters(String keyId) {
        return engine.getParametersForImport(ROOT, new GetParametersForImportRequest(keyId,
                AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256, WrappingKeySpec.RSA_2048));
    }

    /** The import request for {@code material} under fresh parameters; the other members come from {@code shape}. */
    ImportKeyMaterialRequest request(String keyId, byte[] material, ImportKeyMaterialRequest shape) {
        GetParametersForImportResult params = parameters(keyId);
        return request(params, keyId, material, shape);
    }

    static ImportKeyMaterialRequest request(GetParametersForImportResult params, String keyId, byte[] material,
                                            ImportKeyMaterialRequest shape) {
        return new ImportKeyMaterialRequest(keyId, params.importToken(),
                ImportWrapper.wrap(params.publicKey(), AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256, material),
                shape.validTo(), shape.expirationModel(), shape.importType(), shape.keyMaterialDescription(),
                shape.keyMaterialId());
    }

    /** Imports {@code material} as the key's existing (or first) material, never expiring; returns its id. */
    String importExisting(String keyId, byte[] material) {
        return engine.importKeyMaterial(ROOT, request(keyId, material, ImportKeyMaterialRequest.withoutExpiry(keyId,
                new byte[1], new byte[1]))).keyMaterialId();
    }

    /** Imports {@code material} as NEW_KEY_MATERIAL, never expiring; returns its id. */
    String importNew(String keyId, byte[] material, String description) {
        return engine.importKeyMaterial(ROOT, request(keyId, material, ImportKeyMaterialRequest.newMaterial(keyId,
                new byte[1], new byte[1], description))).keyMaterialId();
    }

    KeyMetadata describe(String keyId) {
        return engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata();
    }

    List<RotationsListEntry> allMaterials(String keyId) {
        return engine.listKeyRotations(ROOT, new ListKeyRotationsRequest(keyId, null, null,
                IncludeKeyMaterial.ALL_KEY_MATERIAL)).rotations();
    }

    static byte[] bytes(int length, int value) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }
}
