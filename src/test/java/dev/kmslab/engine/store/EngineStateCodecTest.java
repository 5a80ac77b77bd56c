package dev.kmslab.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.crypto.AesKeyMaterial;
import dev.kmslab.engine.crypto.CryptoRandom;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.RotationType;
import dev.kmslab.engine.state.AliasRecord;
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

class EngineStateCodecTest {

    private static final Instant T = Instant.parse("2026-02-03T04:05:06Z");

    @Test
    void encodeThenDecode_keepsEveryField() throws IOException {
        CryptoRandom random = CryptoRandom.create();
        KeyVersion v1 = new KeyVersion(1, "a".repeat(64), AesKeyMaterial.generate(random), T, null);
        KeyVersion v2 = new KeyVersion(2, "b".repeat(64), AesKeyMaterial.generate(random), T.plusSeconds(9),
                RotationType.ON_DEMAND);
        KeyRecord key = new KeyRecord("k1", "arn:aws:kms:us-east-1:111122223333:key/k1", "111122223333", T, "desc",
                KeyUsage.ENCRYPT_DECRYPT, KeySpec.SYMMETRIC_DEFAULT, OriginType.AWS_KMS, KeyState.PendingDeletion,
                T.plusSeconds(99), 7, new RotationSchedule(true, 400, T.plusSeconds(400)), List.of(v1, v2), 1,
                Map.of("env", "lab"));
        EngineState state = new EngineState("111122223333", "us-east-1", Map.of("k1", key),
                Map.of("alias/a", new AliasRecord("alias/a", "k1", T, T)), Set.of("gone"));

        EngineState back = EngineStateCodec.decode(EngineStateCodec.encode(state));

        KeyRecord restored = back.keys().get("k1");
        assertThat(restored.description()).isEqualTo("desc");
        assertThat(restored.keyState()).isEqualTo(KeyState.PendingDeletion);
        assertThat(restored.deletionDate()).isEqualTo(T.plusSeconds(99));
        assertThat(restored.pendingWindowDays()).isEqualTo(7);
        assertThat(restored.rotation()).isEqualTo(key.rotation());
        assertThat(restored.onDemandRotations()).isEqualTo(1);
        assertThat(restored.tags()).isEqualTo(Map.of("env", "lab"));
        assertThat(restored.versions()).hasSize(2);
        assertThat(restored.version(2).rotationType()).isEqualTo(RotationType.ON_DEMAND);
        assertThat(aes(restored.version(2)).sameAs(aes(v2))).isTrue();
        assertThat(aes(restored.version(1)).sameAs(aes(v1))).isTrue();
        assertThat(back.aliases()).containsKey("alias/a");
        assertThat(back.deletedKeyIds()).containsExactly("gone");
        assertThat(back.nextEventAt()).isEqualTo(T.plusSeconds(99));
    }

    @Test
    void wrongFormatOrVersion_isRefused() {
        assertThatThrownBy(() -> EngineStateCodec.decode("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> EngineStateCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }

    private static AesKeyMaterial aes(KeyVersion version) {
        return (AesKeyMaterial) version.material();
    }
}
