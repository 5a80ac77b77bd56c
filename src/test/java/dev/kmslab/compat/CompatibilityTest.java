package dev.kmslab.compat;

import static dev.kmslab.compat.CompatScenario.EAST;
import static dev.kmslab.compat.CompatScenario.EU;
import static dev.kmslab.compat.CompatScenario.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.EngineDataKeyProvider;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.audit.AuditEventJson;
import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.cks.FakeHsm;
import dev.kmslab.engine.envelope.EnvelopeEncryptor;
import dev.kmslab.engine.envelope.EnvelopeOptions;
import dev.kmslab.engine.envelope.EnvelopeResult;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DescribeCustomKeyStoresRequest;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import dev.kmslab.engine.model.VerifyMacRequest;
import dev.kmslab.engine.model.VerifyRequest;
import dev.kmslab.engine.model.GetPublicKeyRequest;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import dev.kmslab.engine.store.SealedFileStorage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by the build from before the engine redesign (issue 15) still open, decrypt and verify: a sealed
 * keystore of two Regions with keys of every kind, ciphertexts and data keys, signatures, a MAC, envelope messages
 * and the audit log. The fixtures in {@code src/test/resources/compat} were made once by
 * {@link CompatFixtureGenerator}; they must never be regenerated, or this test would only compare the build with
 * itself.
 */
class CompatibilityTest {

    private static final Path FIXTURES = fixtures();

    @TempDir
    Path dir;
    private JsonNode manifest;
    private KmsRegions regions;

    @BeforeEach
    void openTheOldKeystore() throws Exception {
        manifest = CompatScenario.JSON.readTree(FIXTURES.resolve("manifest.json").toFile());
        Path keystores = dir.resolve("keystore");
        Files.createDirectories(keystores);
        try (var files = Files.list(FIXTURES.resolve("keystore"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, keystores.resolve(file.getFileName()));
            }
        }
        SimulatedClock clock = new SimulatedClock(Instant.parse(manifest.get("clockAtEnd").asText()));
        regions = KmsRegions.open(EngineConfig.defaults().withClock(clock), List.of(EAST, EU),
                region -> SealedFileStorage.withKeyFile(keystores, KmsRegions.keystoreFileName(region, EAST),
                        Clock.systemUTC()), new FakeHsm(FakeHsm.DEMO_PIN));
    }

    @Test
    void everyKey_readsBackExactlyAsTheOldBuildDescribedIt() {
        ObjectNode now = CompatScenario.snapshot(regions, (ObjectNode) manifest.get("keys"));

        assertThat(now.toPrettyString()).isEqualTo(manifest.get("snapshot").toPrettyString());
    }

    @Test
    void everyOldCiphertextAndDataKey_decryptsToItsPlaintext() {
        KmsEngine east = regions.engine(EAST);
        assertThat(manifest.get("ciphertexts")).hasSize(4);
        for (JsonNode blob : manifest.get("ciphertexts")) {
            Map<String, String> context = context(blob);
            String expectedKey = manifest.get("keys").get(blob.get("keyAlias").asText()).asText();
            var decrypted = east.decrypt(ROOT, DecryptRequest.of(bytes(blob, "ciphertext"), context));
            assertThat(new String(decrypted.plaintext(), StandardCharsets.UTF_8))
                    .isEqualTo(blob.get("plaintext").asText());
            assertThat(decrypted.keyId()).endsWith(expectedKey);
            assertThat(east.decrypt(ROOT, DecryptRequest.of(bytes(blob, "dataKeyCiphertext"), context)).plaintext())
                    .isEqualTo(bytes(blob, "dataKeyPlaintext"));
        }
    }

    @Test
    void multiRegionCiphertext_decryptsInTheReplicaRegion() {
        JsonNode blob = manifest.get("ciphertexts").get(3);
        assertThat(blob.get("keyAlias").asText()).isEqualTo("alias/compat-mrk");

        var decrypted = regions.engine(EU).decrypt(ROOT, DecryptRequest.of(bytes(blob, "ciphertext"),
                context(blob)));

        assertThat(new String(decrypted.plaintext(), StandardCharsets.UTF_8)).isEqualTo("made in us-east-1");
    }

    @Test
    void oldSignaturesAndMac_verify_andPublicKeysAreUnchanged() {
        KmsEngine east = regions.engine(EAST);
        assertThat(manifest.get("signatures")).hasSize(3);
        for (JsonNode signature : manifest.get("signatures")) {
            String keyId = signature.get("keyId").asText();
            assertThat(east.verify(ROOT, new VerifyRequest(keyId, bytes(signature, "message"), MessageType.RAW,
                    bytes(signature, "signature"), SigningAlgorithmSpec.valueOf(signature.get("algorithm").asText())))
                    .signatureValid()).as(signature.get("algorithm").asText()).isTrue();
            assertThat(east.getPublicKey(ROOT, new GetPublicKeyRequest(keyId)).publicKey())
                    .isEqualTo(bytes(signature, "publicKey"));
        }
        JsonNode mac = manifest.get("macs").get(0);
        assertThat(east.verifyMac(ROOT, new VerifyMacRequest(bytes(mac, "message"), mac.get("keyId").asText(),
                MacAlgorithmSpec.HMAC_SHA_256, bytes(mac, "mac"))).macValid()).isTrue();
    }

    @Test
    void oldEnvelopeFiles_decryptWithTheirContext() throws Exception {
        EnvelopeEncryptor envelopes = new EnvelopeEncryptor(new EngineDataKeyProvider(regions.engine(EAST), ROOT));
        assertThat(manifest.get("envelopes")).hasSize(3);
        for (JsonNode envelope : manifest.get("envelopes")) {
            ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
            EnvelopeResult result;
            try (InputStream in = Files.newInputStream(FIXTURES.resolve(envelope.get("file").asText()))) {
                result = envelopes.decrypt(in, plaintext, EnvelopeOptions.defaults());
            }
            assertThat(plaintext.toByteArray())
                    .isEqualTo(CompatScenario.ascending(envelope.get("plaintextBytes").asInt()));
            assertThat(result.encryptionContext()).isEqualTo(context(envelope));
        }
    }

    @Test
    void customKeyStoreRecord_survives() {
        var stores = regions.engine(EAST).customKeyStores().describeCustomKeyStores(ROOT,
                DescribeCustomKeyStoresRequest.all()).customKeyStores();

        assertThat(stores).singleElement().satisfies(store -> {
            assertThat(store.customKeyStoreId()).isEqualTo(manifest.get("customKeyStoreId").asText());
            assertThat(store.customKeyStoreName()).isEqualTo("compat-hsm");
        });
    }

    /**
     * The same script run today writes the same audit events as the old build did, field for field, once the values
     * that are random on every run (event and request ids, key ids, the custom key store id) are masked.
     */
    @Test
    void sameCalls_writeTheSameAuditEventsAsTheOldBuild() throws Exception {
        SimulatedClock clock = new SimulatedClock(CompatScenario.START);
        AuditLog audit = AuditLog.inMemory();
        KmsRegions fresh = KmsRegions.open(EngineConfig.defaults().withClock(clock).withAuditLog(audit),
                List.of(EAST, EU), region -> new InMemoryKeystoreStorage(), new FakeHsm(FakeHsm.DEMO_PIN));
        ObjectNode replay = CompatScenario.run(fresh);
        CompatScenario.snapshot(fresh, (ObjectNode) replay.get("keys"));
        List<String> today = new ArrayList<>();
        audit.all().forEach(event -> today.add(AuditEventJson.toNode(event).toString()));

        List<String> old = Files.readAllLines(FIXTURES.resolve("audit.jsonl"), StandardCharsets.UTF_8);

        assertThat(masked(today, replay)).containsExactlyElementsOf(masked(old, manifest));
        assertThat(fieldNames(today)).containsExactlyElementsOf(fieldNames(old));
    }

    /** The events as JSON trees (equal whatever the order of an encryption context's pairs, which is unspecified). */
    private static List<JsonNode> masked(List<String> lines, JsonNode manifest) throws Exception {
        Map<String, String> ids = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.get("keys").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> key = it.next();
            ids.put(key.getValue().asText(), "<" + key.getKey() + ">");
        }
        ids.put(manifest.get("customKeyStoreId").asText(), "<custom key store>");
        List<JsonNode> out = new ArrayList<>();
        for (String line : lines) {
            String text = line;
            for (Map.Entry<String, String> id : ids.entrySet()) {
                text = text.replace(id.getKey(), id.getValue());
            }
            ObjectNode event = (ObjectNode) CompatScenario.JSON.readTree(text.replaceAll("[0-9a-f]{64}", "<id>"));
            event.put("eventId", "<random>");
            event.put("requestId", "<random>");
            out.add(event);
        }
        return out;
    }

    private static List<List<String>> fieldNames(List<String> lines) throws Exception {
        List<List<String>> out = new ArrayList<>();
        for (String line : lines) {
            List<String> names = new ArrayList<>();
            CompatScenario.JSON.readTree(line).fieldNames().forEachRemaining(names::add);
            out.add(names);
        }
        return out;
    }

    private static Map<String, String> context(JsonNode entry) {
        Map<String, String> context = new TreeMap<>();
        entry.get("encryptionContext").fields().forEachRemaining(e -> context.put(e.getKey(), e.getValue().asText()));
        return context;
    }

    private static byte[] bytes(JsonNode entry, String field) {
        return Base64.getDecoder().decode(entry.get(field).asText());
    }

    private static Path fixtures() {
        try {
            return Path.of(CompatibilityTest.class.getResource("/compat/manifest.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
