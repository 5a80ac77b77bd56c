package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;

import dev.kmslab.engine.model.AlgorithmSpec;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.GenerateMacRequest;
import dev.kmslab.engine.model.GetParametersForImportRequest;
import dev.kmslab.engine.model.GetParametersForImportResult;
import dev.kmslab.engine.model.ImportKeyMaterialRequest;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.SignRequest;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import dev.kmslab.engine.model.WrappingKeySpec;
import java.nio.charset.StandardCharsets;

/**
 * One key of each kind the new operations need (a P-256 signing key, a P-256 key-agreement key, an HMAC-256 key and
 * a symmetric key for data key pairs), an EXTERNAL key with imported material, a signature, a MAC and an import
 * token made while they were enabled, then every key moved to the requested state.
 */
final class AsymmetricFixture {

    static final byte[] MESSAGE = "pay 10 to bob".getBytes(StandardCharsets.UTF_8);

    final EngineFixture base = new EngineFixture();
    final KmsEngine engine = base.engine;
    final String signKey = create(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
    final String agreementKey = create(KeySpec.ECC_NIST_P256, KeyUsage.KEY_AGREEMENT);
    final String macKey = create(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
    final String symmetricKey = base.newKey();
    final String externalKey = create(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, OriginType.EXTERNAL);
    final byte[] signature;
    final byte[] mac;
    final byte[] importToken;
    final byte[] wrappedMaterial;

    AsymmetricFixture(KeyState state) {
        signature = engine.sign(ROOT, SignRequest.raw(signKey, MESSAGE, SigningAlgorithmSpec.ECDSA_SHA_256))
                .signature();
        mac = engine.generateMac(ROOT, new GenerateMacRequest(MESSAGE, macKey, MacAlgorithmSpec.HMAC_SHA_256)).mac();
        GetParametersForImportResult params = engine.getParametersForImport(ROOT, new GetParametersForImportRequest(
                externalKey, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048));
        importToken = params.importToken();
        wrappedMaterial = ImportWrapper.wrap(params.publicKey(), AlgorithmSpec.RSAES_OAEP_SHA_256, new byte[32]);
        engine.importKeyMaterial(ROOT, ImportKeyMaterialRequest.withoutExpiry(externalKey, importToken,
                wrappedMaterial));
        for (String key : new String[] {signKey, agreementKey, macKey, symmetricKey, externalKey}) {
            if (state == KeyState.Disabled) {
                engine.disableKey(ROOT, new DisableKeyRequest(key));
            } else if (state == KeyState.PendingDeletion) {
                engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(key, 7));
            }
        }
    }

    String create(KeySpec spec, KeyUsage usage) {
        return create(spec, usage, null);
    }

    String create(KeySpec spec, KeyUsage usage, OriginType origin) {
        return engine.createKey(ROOT, new CreateKeyRequest(null, usage, spec, origin, null)).keyMetadata().keyId();
    }

    String arn(String keyId) {
        return base.arn(keyId);
    }
}
