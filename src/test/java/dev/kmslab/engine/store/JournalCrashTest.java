package dev.kmslab.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.ListResourceTagsRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process writing keys from four threads is killed with SIGKILL at random moments, three times over the same
 * journal: every key it acknowledged is there after each restart, with its alias, its tag and a ciphertext that still
 * decrypts, and the journal always opens.
 */
class JournalCrashTest {

    @TempDir
    Path dir;

    @Test
    void sigkillAtRandomMoments_losesNothingAcknowledged() throws Exception {
        Random random = new Random();
        List<String[]> acknowledged = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            List<String> lines = runAndKill("r" + round, 200 + random.nextInt(800));
            lines.stream().filter(l -> l.startsWith("ACK ")).map(l -> l.split(" ")).forEach(acknowledged::add);

            JournalFileStorage storage = JournalFileStorage.withKeyFile(dir, Clock.systemUTC());
            KmsEngine engine = KmsEngine.open(EngineConfig.defaults().withStorage(storage));
            CallerContext root = CallerContext.root(engine.account());
            for (String[] ack : acknowledged) {
                String keyId = ack[1];
                assertThat(engine.describeKey(root, new DescribeKeyRequest(ack[2])).keyMetadata().keyId())
                        .as("alias %s after round %d", ack[2], round).isEqualTo(keyId);
                assertThat(engine.listResourceTags(root, new ListResourceTagsRequest(keyId, null, null)).tags())
                        .hasSize(1);
                assertThat(engine.decrypt(root, DecryptRequest.of(Base64.getDecoder().decode(ack[3]), Map.of()))
                        .plaintext()).isEqualTo(keyId.getBytes(StandardCharsets.UTF_8));
            }
            storage.close();
        }
        assertThat(acknowledged).as("keys acknowledged over three rounds").hasSizeGreaterThan(10);
    }

    /** Starts the writer, kills it {@code afterMillis} after its first key, and returns the lines it completed. */
    private List<String> runAndKill(String prefix, long afterMillis) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), JournalCrashWriter.class.getName(),
                dir.toString(), prefix).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                    if (line.startsWith("ACK ")) {
                        ready.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // The pipe closes when the child dies.
            }
        });
        reader.start();
        try {
            assertThat(ready.await(60, TimeUnit.SECONDS)).as("writer acknowledged a first key").isTrue();
            Thread.sleep(afterMillis);
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        reader.join(10_000);
        // A line cut by the kill has no ciphertext yet (or a partial one): only whole ACK lines count.
        List<String> complete = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("ACK ") || line.split(" ").length == 4 && validBase64(line.split(" ")[3])) {
                complete.add(line);
            }
        }
        return complete;
    }

    private static boolean validBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
