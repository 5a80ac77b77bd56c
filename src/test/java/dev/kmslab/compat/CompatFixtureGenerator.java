package dev.kmslab.compat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.cks.FakeHsm;
import dev.kmslab.engine.store.SealedFileStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * Not a test: writes the compatibility fixtures of {@link CompatibilityTest} into {@code src/test/resources/compat}.
 * It was run once, with the build from before the engine redesign (issue 15), and its output committed; running it
 * again would replace those fixtures with ones written by the current build, which defeats their purpose. Kept so
 * that anyone can see exactly how the fixtures were made.
 *
 * <pre>mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.kmslab.compat.CompatFixtureGenerator -Dexec.args=src/test/resources/compat</pre>
 */
public final class CompatFixtureGenerator {

    private CompatFixtureGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/compat");
        Path keystores = out.resolve("keystore");
        Files.createDirectories(keystores);
        SimulatedClock clock = new SimulatedClock(CompatScenario.START);
        ObjectNode manifest;
        try (AuditLog audit = AuditLog.toFile(out.resolve("audit.jsonl"), AuditLog.DEFAULT_MAX_FILE_BYTES)) {
            EngineConfig base = EngineConfig.defaults().withClock(clock).withAuditLog(audit);
            KmsRegions regions = KmsRegions.open(base, List.of(CompatScenario.EAST, CompatScenario.EU),
                    region -> SealedFileStorage.withKeyFile(keystores,
                            KmsRegions.keystoreFileName(region, CompatScenario.EAST), Clock.systemUTC()),
                    new FakeHsm(FakeHsm.DEMO_PIN));
            manifest = CompatScenario.run(regions);
            manifest.put("clockAtEnd", clock.now().toString());
            manifest.set("snapshot", CompatScenario.snapshot(regions, (ObjectNode) manifest.get("keys")));
            audit.flush();
        }
        for (var envelope : manifest.withArray("envelopes")) {
            ObjectNode entry = (ObjectNode) envelope;
            Files.write(out.resolve(entry.get("file").asText()),
                    Base64.getDecoder().decode(entry.remove("sealed").asText()));
        }
        CompatScenario.JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("manifest.json").toFile(),
                manifest);
        System.out.println("compatibility fixtures written to " + out.toAbsolutePath());
    }
}
