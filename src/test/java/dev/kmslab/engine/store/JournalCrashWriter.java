package dev.kmslab.engine.store;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.Tag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The child JVM of {@link JournalCrashTest}: four threads create keys with a tag, an alias and a ciphertext in the
 * journal of {@code args[0]} until the process is killed, and print one line per key once all of it was acknowledged:
 * {@code ACK <key id> <alias> <base64 ciphertext>}. A small compaction floor makes snapshots frequent, so kills also
 * land during compaction.
 */
public final class JournalCrashWriter {

    private JournalCrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String prefix = args[1];
        JournalFileStorage storage = new JournalFileStorage(dir.resolve("keystore.journal"), null,
                new FileMasterKey(dir.resolve("master.key")), Clock.systemUTC(), new SecureRandom(), 16 * 1024);
        KmsEngine engine = KmsEngine.open(EngineConfig.defaults().withStorage(storage));
        CallerContext root = CallerContext.root(engine.account());
        System.out.println("READY");
        System.out.flush();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            new Thread(() -> {
                for (int n = 0; ; n++) {
                    String keyId = engine.createKey(root, new CreateKeyRequest(null, null, null, null,
                            List.of(new Tag("writer", prefix + thread)))).keyMetadata().keyId();
                    String alias = "alias/" + prefix + "-" + thread + "-" + n;
                    engine.createAlias(root, new CreateAliasRequest(alias, keyId));
                    byte[] blob = engine.encrypt(root, EncryptRequest.of(keyId,
                            keyId.getBytes(StandardCharsets.UTF_8), Map.of())).ciphertextBlob();
                    String line = "ACK " + keyId + " " + alias + " " + Base64.getEncoder().encodeToString(blob);
                    synchronized (System.out) {
                        System.out.println(line);
                        System.out.flush();
                    }
                }
            }, "writer-" + t).start();
        }
    }
}
