package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateDataKeyResult;
import dev.kmslab.engine.model.GenerateRandomRequest;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import dev.kmslab.engine.store.EngineStateCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Key material, plaintext and data keys never show up in toString() or exception messages. */
class SecretHygieneTest {

    private final EngineFixture f = new EngineFixture();
    private final String keyId = f.newKey();

    @Test
    void stateObjects_neverPrintKeyMaterial() throws Exception {
        EngineState state = EngineStateCodec.decode(f.storage.load().orElseThrow());
        KeyRecord key = state.keys().get(keyId);
        KeyVersion version = key.current();
        byte[] raw = version.material().encoded();

        for (String text : new String[] {state.toString(), key.toString(), version.toString(),
                version.material().toString()}) {
            assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(raw))
                    .doesNotContain(HexFormat.of().formatHex(raw)).doesNotContain(Arrays.toString(raw));
        }
    }

    @Test
    void resultRecords_hidePlaintext() {
        byte[] secret = "hide-me-please".getBytes(StandardCharsets.UTF_8);
        byte[] blob = f.engine.encrypt(ROOT, EncryptRequest.of(keyId, secret, null)).ciphertextBlob();
        DecryptResult decrypted = f.engine.decrypt(ROOT, DecryptRequest.of(blob, null));
        GenerateDataKeyResult dataKey = f.engine.generateDataKey(ROOT, GenerateDataKeyRequest.aes256(keyId, null));

        assertThat(decrypted.toString()).doesNotContain(Arrays.toString(secret)).contains("hidden");
        assertThat(EncryptRequest.of(keyId, secret, null).toString()).doesNotContain(Arrays.toString(secret));
        assertThat(dataKey.toString()).doesNotContain(Arrays.toString(dataKey.plaintext()))
                .doesNotContain(Base64.getEncoder().encodeToString(dataKey.plaintext()));
        assertThat(f.engine.generateRandom(ROOT, new GenerateRandomRequest(8)).toString()).contains("hidden");
    }

    @Test
    void timeTravel_needsASimulatedClock() {
        KmsEngine realTime = KmsEngine.inMemory();

        assertThatThrownBy(() -> realTime.advanceClock(Duration.ofDays(1))).isInstanceOf(IllegalStateException.class);
    }
}
