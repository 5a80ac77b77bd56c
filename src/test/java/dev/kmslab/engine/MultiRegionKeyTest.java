package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.audit.AuditQuery;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MultiRegionKey;
import dev.kmslab.engine.model.MultiRegionKeyType;
import dev.kmslab.engine.model.SignRequest;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import org.junit.jupiter.api.Test;

/** CreateKey with MultiRegion: the mrk- id, DescribeKey's multi-Region view, and use through every id form. */
class MultiRegionKeyTest {

    private final EngineFixture f = new EngineFixture();

    @Test
    void multiRegionKey_hasAnMrkId_andIsItsOwnPrimary() {
        KeyMetadata meta = f.engine.createKey(ROOT, CreateKeyRequest.symmetric().withMultiRegion(true)).keyMetadata();

        assertThat(meta.keyId()).matches("mrk-[0-9a-f]{32}");
        assertThat(meta.multiRegion()).isTrue();
        assertThat(meta.multiRegionConfiguration().multiRegionKeyType()).isEqualTo(MultiRegionKeyType.PRIMARY);
        assertThat(meta.multiRegionConfiguration().primaryKey())
                .isEqualTo(new MultiRegionKey(f.arn(meta.keyId()), EngineConfig.DEFAULT_REGION));
        assertThat(meta.multiRegionConfiguration().replicaKeys()).isEmpty();
        assertThat(f.audit.query(AuditQuery.all().forEvent("CreateKey")).get(0).requestParameters())
                .containsEntry("multiRegion", true);
    }

    @Test
    void multiRegionKey_worksByIdAndArn_andSurvivesARestart() {
        String keyId = f.engine.createKey(ROOT, CreateKeyRequest.symmetric().withMultiRegion(true)).keyMetadata()
                .keyId();
        byte[] blob = f.encrypt(f.arn(keyId), "everywhere");

        KmsEngine restarted = f.open(f.storage);

        assertThat(new String(restarted.decrypt(ROOT, dev.kmslab.engine.model.DecryptRequest.of(blob,
                EngineFixture.CONTEXT)).plaintext(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("everywhere");
        assertThat(restarted.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata().multiRegion()).isTrue();
    }

    @Test
    void asymmetricKeys_canBeMultiRegionToo_andSingleRegionKeysSayNo() {
        String signing = f.engine.createKey(ROOT, new CreateKeyRequest(null, KeyUsage.SIGN_VERIFY,
                KeySpec.ECC_NIST_P256, null, null, true)).keyMetadata().keyId();
        assertThat(f.engine.sign(ROOT, SignRequest.raw(signing, new byte[] {1}, SigningAlgorithmSpec.ECDSA_SHA_256))
                .keyId()).isEqualTo(f.arn(signing));

        KeyMetadata single = f.engine.describeKey(ROOT, new DescribeKeyRequest(f.newKey())).keyMetadata();
        assertThat(single.multiRegion()).isFalse();
        assertThat(single.multiRegionConfiguration()).isNull();
        assertThat(single.keyId()).doesNotStartWith("mrk-");
    }
}
