package dev.kmslab.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.crypto.AesKeyMaterial;
import dev.kmslab.engine.crypto.CryptoRandom;
import dev.kmslab.engine.model.AlgorithmSpec;
import dev.kmslab.engine.model.ExpirationModelType;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.state.AccessControl;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.ImportToken;
import dev.kmslab.engine.state.ImportTokens;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import dev.kmslab.engine.state.RotationSchedule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The keystore document keeps import tokens and the several key materials of an imported key. */
class ImportTokenJsonTest {

    private static final Instant T = Instant.parse("2026-02-03T04:05:06Z");
    private static final String ACCOUNT = "111122223333";

    @Test
    void tokensAndPendingMaterial_surviveEncodeAndDecode() throws Exception {
        KeyPair pair = rsa();
        ImportToken token = new ImportToken(new byte[] {1, 2, 3}, "k1", AlgorithmSpec.RSAES_OAEP_SHA_256, pair,
                T.plusSeconds(86_400));

        EngineState back = EngineStateCodec.decode(EngineStateCodec.encode(state(ImportTokens.of(List.of(token)))));

        ImportToken restored = back.importTokens().find(new byte[] {1, 2, 3});
        assertThat(restored.keyId()).isEqualTo("k1");
        assertThat(restored.algorithm()).isEqualTo(AlgorithmSpec.RSAES_OAEP_SHA_256);
        assertThat(restored.validTo()).isEqualTo(T.plusSeconds(86_400));
        assertThat(restored.wrappingKey().getPrivate().getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(restored.wrappingKey().getPublic()).isEqualTo(pair.getPublic());
        KeyRecord key = back.keys().get("k1");
        assertThat(key.current().version()).isEqualTo(1);
        assertThat(key.pendingRotation().version()).isEqualTo(2);
        assertThat(key.pendingRotation().description()).isEqualTo("next");
        assertThat(key.pendingRotation().validTo()).isEqualTo(T.plusSeconds(60));
        assertThat(key.version(2)).as("no ciphertext can name pending material").isNull();
    }

    @Test
    void aDocumentWithoutTokens_decodesWithNone() throws IOException {
        String json = new String(EngineStateCodec.encode(state(ImportTokens.none())), StandardCharsets.UTF_8)
                .replaceAll(",\\s*\"importTokens\" : \\[ \\]", "");
        assertThat(json).doesNotContain("importTokens");

        assertThat(EngineStateCodec.decode(json.getBytes(StandardCharsets.UTF_8)).importTokens().all()).isEmpty();
    }

    @Test
    void aCorruptWrappingKey_isAMalformedDocument_thatNamesNoSecret() throws Exception {
        ImportToken token = new ImportToken(new byte[] {9}, "k1", AlgorithmSpec.RSAES_OAEP_SHA_1, rsa(),
                T.plusSeconds(5));
        String json = new String(EngineStateCodec.encode(state(ImportTokens.of(List.of(token)))),
                StandardCharsets.UTF_8).replaceFirst("\"privateKey\" : \"[^\"]+\"", "\"privateKey\" : \"AAAA\"");

        assertThatThrownBy(() -> EngineStateCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageStartingWith("malformed keystore document:")
                .hasMessageNotContaining("AAAA");
    }

    private static EngineState state(ImportTokens tokens) {
        CryptoRandom random = CryptoRandom.create();
        KeyVersion current = new KeyVersion(1, "a".repeat(64), AesKeyMaterial.generate(random), T, null,
                ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE, null, null, false);
        KeyVersion pending = new KeyVersion(2, "b".repeat(64), AesKeyMaterial.generate(random), T, null,
                ExpirationModelType.KEY_MATERIAL_EXPIRES, T.plusSeconds(60), "next", true);
        KeyRecord key = new KeyRecord("k1", "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/k1", ACCOUNT, T, "",
                KeyUsage.ENCRYPT_DECRYPT, KeySpec.SYMMETRIC_DEFAULT, OriginType.EXTERNAL, KeyState.Enabled, null,
                null, new RotationSchedule(false, 365, null), List.of(current, pending), 0, Map.of());
        return new EngineState(ACCOUNT, "us-east-1", Map.of("k1", key), Map.of(), Set.of(),
                AccessControl.empty(ACCOUNT), tokens, Set.of());
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
