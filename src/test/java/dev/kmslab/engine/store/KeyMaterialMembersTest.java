package dev.kmslab.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.engine.crypto.AesKeyMaterial;
import dev.kmslab.engine.crypto.AsymmetricKeyMaterial;
import dev.kmslab.engine.crypto.HmacKeyMaterial;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A version keeps one {@link KeyMaterial}, but the keystore keeps the two members the pre-redesign build wrote: AES
 * in {@code "material"}, key pairs and HMAC keys in {@code "asymmetricMaterial"} (with {@code "material": null}).
 * Checked on the keystores that build saved ({@code src/test/resources/compat}, never regenerated).
 */
class KeyMaterialMembersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = fixtures();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"keystore.json", "keystore-eu-west-1.json"})
    void oldKeystore_readThenWritten_isTheSameDocument(String file) throws Exception {
        byte[] old = oldDocument(file);

        byte[] written = EngineStateCodec.encode(EngineStateCodec.decode(old));

        assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(old));
        assertThat(memberOrder(JSON.readTree(written))).isEqualTo(memberOrder(JSON.readTree(old)));
    }

    @Test
    void oldKeystore_givesEachKindOfKeyItsKindOfMaterial() throws Exception {
        byte[] old = oldDocument("keystore.json");
        EngineState state = EngineStateCodec.decode(old);
        Map<String, JsonNode> stored = storedVersions(JSON.readTree(old));

        List<String> kinds = new ArrayList<>();
        for (KeyRecord key : state.keys().values()) {
            for (KeyVersion v : key.versions()) {
                JsonNode node = stored.get(key.keyId() + "/" + v.version());
                KeyMaterial m = v.material();
                if (m instanceof AesKeyMaterial aes) {
                    assertThat(key.keySpec().name()).isEqualTo("SYMMETRIC_DEFAULT");
                    assertThat(aes.encoded()).isEqualTo(decoded(node, "material"));
                    assertThat(node.has("asymmetricMaterial")).isFalse();
                } else if (m instanceof AsymmetricKeyMaterial || m instanceof HmacKeyMaterial) {
                    assertThat(m.encoded()).isEqualTo(decoded(node, "asymmetricMaterial"));
                    assertThat(node.get("material").isNull()).isTrue();
                    assertThat(key.keySpec().name().startsWith("HMAC")).isEqualTo(m instanceof HmacKeyMaterial);
                } else {
                    assertThat(node.get("material").isNull()).isTrue();
                    assertThat(node.has("asymmetricMaterial")).isFalse();
                }
                kinds.add(m == null ? "none" : m.getClass().getSimpleName());
            }
        }
        assertThat(kinds).contains("AesKeyMaterial", "AsymmetricKeyMaterial", "HmacKeyMaterial");
    }

    @Test
    void versionWithBothMembers_isRefused() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(oldDocument("keystore.json"));
        ObjectNode aesVersion = firstVersion(doc, "SYMMETRIC_DEFAULT");
        aesVersion.put("asymmetricMaterial", aesVersion.get("material").asText());

        assertThatThrownBy(() -> EngineStateCodec.decode(JSON.writeValueAsBytes(doc)))
                .isInstanceOf(IOException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("a version holds both \"material\" and \"asymmetricMaterial\"");
    }

    @Test
    void aesMaterialOnAnHmacKey_isRefused() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(oldDocument("keystore.json"));
        ObjectNode hmacVersion = firstVersion(doc, "HMAC_256");
        hmacVersion.put("material", Base64.getEncoder().encodeToString(new byte[32]));
        hmacVersion.remove("asymmetricMaterial");

        assertThatThrownBy(() -> EngineStateCodec.decode(JSON.writeValueAsBytes(doc)))
                .isInstanceOf(IOException.class)
                .hasRootCauseMessage("\"material\" holds AES material, which only a SYMMETRIC_DEFAULT key has");
    }

    private byte[] oldDocument(String file) throws Exception {
        try (var files = Files.list(FIXTURES.resolve("keystore"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return SealedFileStorage.withKeyFile(dir, file, Clock.systemUTC()).load().orElseThrow();
    }

    private static ObjectNode firstVersion(ObjectNode doc, String keySpec) {
        for (JsonNode key : doc.get("keys")) {
            if (key.get("keySpec").asText().equals(keySpec) && key.get("versions").size() > 0
                    && (key.get("versions").get(0).hasNonNull("material")
                    || key.get("versions").get(0).has("asymmetricMaterial"))) {
                return (ObjectNode) key.get("versions").get(0);
            }
        }
        throw new AssertionError("the old keystore has no " + keySpec + " key with material");
    }

    private static Map<String, JsonNode> storedVersions(JsonNode doc) {
        Map<String, JsonNode> out = new java.util.HashMap<>();
        for (JsonNode key : doc.get("keys")) {
            for (JsonNode v : key.get("versions")) {
                out.put(key.get("keyId").asText() + "/" + v.get("version").asInt(), v);
            }
        }
        return out;
    }

    private static byte[] decoded(JsonNode version, String member) {
        return Base64.getDecoder().decode(version.get(member).asText());
    }

    /** Every object's member names in document order, depth first (JsonNode equality ignores the order). */
    private static List<String> memberOrder(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                out.add(e.getKey());
                out.addAll(memberOrder(e.getValue()));
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> out.addAll(memberOrder(element)));
        }
        return out;
    }

    private static Path fixtures() {
        try {
            return Path.of(KeyMaterialMembersTest.class.getResource("/compat").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
