package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditTrail;
import dev.kmslab.engine.store.JournalFileStorage;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * The real {@code serve} command in a child JVM, written to over the wire by four SDK v2 clients at once
 * (CreateKey, CreateAlias, TagResource, Encrypt, GenerateDataKey), is killed with SIGKILL at random moments and
 * restarted on the same data folder: after every restart the store opens, and every call that was answered 200 is
 * there and works (the key describes, the alias resolves to it, the tag is listed, the ciphertext and the data key
 * decrypt), and every one of those calls has its event in the audit file (written to the OS before the answer, so a
 * kill loses none; a line cut off by a kill is only ever an unanswered call's). Neither the child's output nor the
 * audit file ever holds a plaintext, a data key, the master key or the clients' secret access key.
 */
class ServeCrashTest {

    private static final String ACCOUNT = "111122223333";
    private static final int WRITERS = 4;
    private static final int KILLS = 3;

    @TempDir
    Path dataDir;

    /** Everything the clients were told succeeded, across all rounds. */
    private final ConcurrentLinkedQueue<String> keys = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String[]> aliases = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String[]> tags = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Sealed> ciphertexts = new ConcurrentLinkedQueue<>();
    /** Every call answered 200 by the writers, as "eventName keyId": each must have its audit event. */
    private final ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
    /** Plaintexts and data keys handed to or by the endpoint: none may show up in a log. */
    private final ConcurrentLinkedQueue<byte[]> secrets = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final StringBuilder childOutput = new StringBuilder();

    private record Sealed(String keyId, byte[] blob, Map<String, String> context, byte[] plaintext) {
    }

    @Test
    void sigkillWhileClientsWrite_losesNothingAcknowledged_andLeaksNoSecret() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        // A generated key of the account root, issued before the first start: its secret is never printed.
        Credential root = AccessKeyStore.open(dataDir, ACCOUNT, Clock.systemUTC())
                .issueAccessKey("arn:aws:iam::" + ACCOUNT + ":root");
        Child child = null;
        try {
            for (int round = 0; round <= KILLS; round++) {
                child = Child.start(dataDir, childOutput);
                String when = "seed " + seed + ", start " + round;
                try (KmsClient client = client(child.endpoint, root)) {
                    verifyAcknowledged(client, when);
                }
                if (round == KILLS) {
                    child.process.destroy();
                    assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).as("graceful stop after %s", when)
                            .isTrue();
                    child.drain();
                    break;
                }
                // Killed once a random number of calls were answered, a random moment later: progress, not wall
                // time, so a loaded machine still gets writes in before the kill.
                writeUntilKilled(child, root, "r" + round, 10 + random.nextInt(25), random.nextInt(200));
            }
        } finally {
            if (child != null && child.process.isAlive()) {
                child.process.destroyForcibly(); // a failed check must not leave a server running
            }
        }
        assertThat(unexpected).as("calls that failed before the kill (seed %d)", seed).isEmpty();
        assertThat(acknowledged.get()).as("calls acknowledged over %d rounds", KILLS)
                .isGreaterThanOrEqualTo(KILLS * 10);
        assertThat(tags).isNotEmpty();
        assertThat(ciphertexts).isNotEmpty();

        // The store opens here too, and no start found damage (a damaged journal would be moved aside as .corrupt-).
        JournalFileStorage storage = JournalFileStorage.withKeyFile(dataDir, Clock.systemUTC());
        try {
            assertThat(storage.load()).as("keystore after the last stop").isPresent();
        } finally {
            storage.close();
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("files in the data folder")
                    .noneMatch(name -> name.contains(".corrupt-"));
        }

        String audit = readAudit();
        assertThat(audit).as("audit file").contains("\"eventName\":\"DescribeKey\"")
                .contains("\"eventName\":\"Decrypt\"");
        // Every answered call's event survived the kills: each is in the file before its answer is sent.
        AuditTrail trail = AuditTrail.read(dataDir.resolve("audit.jsonl"), Integer.MAX_VALUE);
        assertThat(trail.problems()).as("audit lines skipped (seed %d)", seed).allMatch(AuditTrail.Problem::torn)
                .hasSizeLessThanOrEqualTo(KILLS);
        java.util.Set<String> audited = new java.util.HashSet<>();
        for (AuditEvent event : trail.events()) {
            if (event.keyArn() != null && event.errorCode() == null) {
                audited.add(event.eventName() + " " + event.keyArn().substring(event.keyArn().lastIndexOf('/') + 1));
            }
        }
        assertThat(answered).as("answered calls (seed %d)", seed).hasSizeGreaterThanOrEqualTo(KILLS * 10);
        assertThat(answered).as("answered calls without their audit event (seed %d)", seed)
                .allMatch(audited::contains);
        List<String> forbidden = new ArrayList<>();
        forbidden.add(root.secretAccessKey());
        byte[] master = Files.readAllBytes(dataDir.resolve("master.key"));
        secrets.add(master);
        for (byte[] secret : secrets) {
            forbidden.add(Base64.getEncoder().encodeToString(secret));
            forbidden.add(HexFormat.of().formatHex(secret));
        }
        String output = childOutput.toString();
        // Messages name the secret by its number only, so a failing run does not print it either.
        for (int i = 0; i < forbidden.size(); i++) {
            assertThat(output.contains(forbidden.get(i))).as("child output holds secret #%d", i).isFalse();
            assertThat(audit.contains(forbidden.get(i))).as("audit holds secret #%d", i).isFalse();
        }
        assertThat(output).as("the generated access key's id is printed, never its secret")
                .contains(root.accessKeyId());
    }

    private void writeUntilKilled(Child child, Credential root, String round, int killAfterAcks, long thenMillis)
            throws Exception {
        AtomicBoolean killing = new AtomicBoolean();
        CountDownLatch enough = new CountDownLatch(killAfterAcks);
        List<Thread> writers = new ArrayList<>();
        List<KmsClient> clients = new ArrayList<>();
        for (int t = 0; t < WRITERS; t++) {
            KmsClient client = client(child.endpoint, root);
            clients.add(client);
            String writer = round + "-" + t;
            Random random = new Random(writer.hashCode());
            Thread thread = new Thread(() -> {
                try {
                    for (int n = 0; ; n++) {
                        write(client, writer + "-" + n, random, enough);
                    }
                } catch (RuntimeException e) {
                    if (!killing.get()) {
                        unexpected.add(writer + ": " + e);
                    }
                }
            }, "writer-" + writer);
            writers.add(thread);
            thread.start();
        }
        try {
            assertThat(enough.await(60, TimeUnit.SECONDS)).as("%d acknowledged calls in %s", killAfterAcks, round)
                    .isTrue();
            Thread.sleep(thenMillis);
        } finally {
            killing.set(true);
            child.process.destroyForcibly();
            assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).as("killed child exits").isTrue();
        }
        for (Thread thread : writers) {
            thread.join(30_000);
            assertThat(thread.isAlive()).as("%s ended after the kill", thread.getName()).isFalse();
        }
        clients.forEach(KmsClient::close);
        child.drain();
    }

    /** One key: each step is recorded only once the endpoint answered it 200. */
    private void write(KmsClient client, String name, Random random, CountDownLatch acks) {
        String keyId = client.createKey(r -> r.description("crash " + name)).keyMetadata().keyId();
        keys.add(keyId);
        answered.add("CreateKey " + keyId);
        acked(acks);
        String alias = "alias/crash-" + name;
        client.createAlias(r -> r.aliasName(alias).targetKeyId(keyId));
        aliases.add(new String[] {alias, keyId});
        answered.add("CreateAlias " + keyId);
        acked(acks);
        client.tagResource(r -> r.keyId(keyId).tags(Tag.builder().tagKey("writer").tagValue(name).build()));
        tags.add(new String[] {keyId, "writer", name});
        answered.add("TagResource " + keyId);
        acked(acks);
        byte[] plaintext = new byte[48];
        random.nextBytes(plaintext);
        secrets.add(plaintext);
        Map<String, String> context = Map.of("writer", name);
        byte[] blob = client.encrypt(r -> r.keyId(alias).plaintext(SdkBytes.fromByteArray(plaintext))
                .encryptionContext(context)).ciphertextBlob().asByteArray();
        ciphertexts.add(new Sealed(keyId, blob, context, plaintext));
        answered.add("Encrypt " + keyId);
        acked(acks);
        GenerateDataKeyResponse dataKey = client.generateDataKey(r -> r.keyId(keyId).keySpec(DataKeySpec.AES_256));
        byte[] dataKeyPlaintext = dataKey.plaintext().asByteArray();
        secrets.add(dataKeyPlaintext);
        ciphertexts.add(new Sealed(keyId, dataKey.ciphertextBlob().asByteArray(), Map.of(), dataKeyPlaintext));
        answered.add("GenerateDataKey " + keyId);
        acked(acks);
    }

    private void acked(CountDownLatch acks) {
        acknowledged.incrementAndGet();
        acks.countDown();
    }

    /** Every acknowledged call, checked by four threads over one client; the first failure is thrown. */
    private void verifyAcknowledged(KmsClient client, String when) throws Exception {
        List<Runnable> checks = new ArrayList<>();
        for (String keyId : keys) {
            checks.add(() -> assertThat(client.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState())
                    .as("key %s after %s", keyId, when).isEqualTo(KeyState.ENABLED));
        }
        for (String[] alias : aliases) {
            checks.add(() -> assertThat(client.describeKey(r -> r.keyId(alias[0])).keyMetadata().keyId())
                    .as("alias %s after %s", alias[0], when).isEqualTo(alias[1]));
        }
        for (String[] tag : tags) {
            checks.add(() -> assertThat(client.listResourceTags(r -> r.keyId(tag[0])).tags())
                    .as("tags of %s after %s", tag[0], when)
                    .contains(Tag.builder().tagKey(tag[1]).tagValue(tag[2]).build()));
        }
        for (Sealed sealed : ciphertexts) {
            checks.add(() -> {
                DecryptResponse answer = client.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(sealed.blob()))
                        .encryptionContext(sealed.context()));
                assertThat(answer.keyId()).as("ciphertext key after %s", when).endsWith(sealed.keyId());
                assertThat(answer.plaintext().asByteArray()).as("plaintext under %s after %s", sealed.keyId(), when)
                        .isEqualTo(sealed.plaintext());
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> results = new ArrayList<>();
            checks.forEach(check -> results.add(pool.submit(check)));
            for (Future<?> result : results) {
                try {
                    result.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new AssertionError("an acknowledged call no longer works after " + when, e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private String readAudit() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("audit")).sorted().toList()) {
                text.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    private static KmsClient client(URI endpoint, Credential credential) {
        return KmsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        credential.accessKeyId(), credential.secretAccessKey())))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(20)))
                .build();
    }

    /** {@code ServeCommand} in its own JVM on a free port; its stdout and stderr are copied into one buffer. */
    private static final class Child {

        final Process process;
        final URI endpoint;
        final Thread reader;

        private Child(Process process, URI endpoint, Thread reader) {
            this.process = process;
            this.endpoint = endpoint;
            this.reader = reader;
        }

        static Child start(Path dataDir, StringBuilder output) throws Exception {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), ServeCommand.class.getName(),
                    "--port", "0", "--data-dir", dataDir.toString())
                    .redirectErrorStream(true).start();
            CountDownLatch listening = new CountDownLatch(1);
            URI[] endpoint = new URI[1];
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                        int at = line.indexOf("listening on ");
                        if (at >= 0) {
                            endpoint[0] = URI.create(line.substring(at + "listening on ".length()).trim());
                            listening.countDown();
                        }
                    }
                } catch (IOException e) {
                    // The pipe closes when the child dies.
                }
                listening.countDown();
            }, "serve-output");
            reader.start();
            boolean started = listening.await(60, TimeUnit.SECONDS);
            if (!started || endpoint[0] == null) {
                process.destroyForcibly();
                reader.join(10_000);
                synchronized (output) {
                    throw new AssertionError("serve did not start (exit " + (process.isAlive() ? "none"
                            : process.exitValue()) + "):\n" + output);
                }
            }
            return new Child(process, endpoint[0], reader);
        }

        void drain() throws InterruptedException {
            reader.join(10_000);
        }
    }
}
