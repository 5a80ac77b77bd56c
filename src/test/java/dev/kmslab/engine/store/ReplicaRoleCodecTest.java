package dev.kmslab.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.crypto.AesKeyMaterial;
import dev.kmslab.engine.crypto.CryptoRandom;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import dev.kmslab.engine.state.RotationSchedule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The keystore document's replicaKeyIds: written only when there are replicas, read back, checked against keys. */
class ReplicaRoleCodecTest {

    private static final Instant T = Instant.parse("2026-02-03T04:05:06Z");
    private static final String MRK = "mrk-0123456789abcdef0123456789abcdef";

    private static EngineState stateWithMrk() {
        KeyVersion v1 = new KeyVersion(1, "a".repeat(64), AesKeyMaterial.generate(CryptoRandom.create()), T, null);
        KeyRecord key = new KeyRecord(MRK, "arn:aws:kms:eu-west-1:111122223333:key/" + MRK, "111122223333", T,
                null, KeyUsage.ENCRYPT_DECRYPT, KeySpec.SYMMETRIC_DEFAULT, OriginType.AWS_KMS, KeyState.Enabled,
                null, null, RotationSchedule.off(), List.of(v1), 0, Map.of());
        return new EngineState("111122223333", "eu-west-1", Map.of(MRK, key), Map.of(), Set.of());
    }

    @Test
    void replicaRole_survivesEncodeAndDecode() throws IOException {
        EngineState replica = stateWithMrk().withReplicaRole(MRK, true);

        EngineState back = EngineStateCodec.decode(EngineStateCodec.encode(replica));

        assertThat(back.isReplica(MRK)).isTrue();
        assertThat(back.withReplicaRole(MRK, false).isReplica(MRK)).isFalse();
        assertThat(back.withoutKey(MRK).replicaKeyIds()).isEmpty();
    }

    @Test
    void primaryOnlyDocument_hasNoReplicaMember_soOlderDocumentsLookTheSame() throws IOException {
        String json = new String(EngineStateCodec.encode(stateWithMrk()), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("replicaKeyIds");
        assertThat(EngineStateCodec.decode(json.getBytes(StandardCharsets.UTF_8)).isReplica(MRK)).isFalse();
    }

    @Test
    void replicaIdWithoutItsKey_isAMalformedDocument() {
        String json = new String(EngineStateCodec.encode(stateWithMrk().withReplicaRole(MRK, true)),
                StandardCharsets.UTF_8).replace("\"replicaKeyIds\" : [ \"" + MRK, "\"replicaKeyIds\" : [ \"mrk-gone");

        assertThat(json).contains("mrk-gone");
        assertThatThrownBy(() -> EngineStateCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("malformed keystore document");
    }
}
