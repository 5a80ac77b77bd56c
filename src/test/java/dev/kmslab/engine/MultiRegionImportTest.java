package dev.kmslab.engine;

import static dev.kmslab.engine.RegionsFixture.EAST;
import static dev.kmslab.engine.RegionsFixture.EU;
import static dev.kmslab.engine.RegionsFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.IncorrectKeyMaterialException;
import dev.kmslab.engine.model.AlgorithmSpec;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.GetParametersForImportRequest;
import dev.kmslab.engine.model.GetParametersForImportResult;
import dev.kmslab.engine.model.ImportKeyMaterialRequest;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.engine.model.WrappingKeySpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Imported material is not copied to replicas (AWS developer guide, multi-region-keys-import: "You must import the
 * same key material into related primary and replica keys"), and only that material is accepted.
 */
class MultiRegionImportTest {

    private final RegionsFixture f = new RegionsFixture();

    private void importInto(String region, String keyId, byte[] material) {
        GetParametersForImportResult params = f.in(region).getParametersForImport(ROOT,
                new GetParametersForImportRequest(keyId, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048));
        f.in(region).importKeyMaterial(ROOT, ImportKeyMaterialRequest.withoutExpiry(keyId, params.importToken(),
                ImportWrapper.wrap(params.publicKey(), AlgorithmSpec.RSAES_OAEP_SHA_256, material)));
    }

    private static byte[] bytes(int value) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void replicaOfImportedKey_needsTheSameMaterial_thenInteroperates() {
        String keyId = f.in(EAST).createKey(ROOT, new CreateKeyRequest(null, null, null, OriginType.EXTERNAL, null,
                true)).keyMetadata().keyId();
        importInto(EAST, keyId, bytes(0x5a));
        f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, EU));
        assertThat(f.describe(EU, keyId).keyState()).isEqualTo(KeyState.PendingImport);

        assertThatThrownBy(() -> importInto(EU, keyId, bytes(0x11))).isInstanceOf(IncorrectKeyMaterialException.class);
        importInto(EU, keyId, bytes(0x5a));

        assertThat(f.describe(EU, keyId).keyState()).isEqualTo(KeyState.Enabled);
        assertThat(f.decrypt(EU, f.encrypt(EAST, keyId, "bring your own key"))).isEqualTo("bring your own key");
    }
}
