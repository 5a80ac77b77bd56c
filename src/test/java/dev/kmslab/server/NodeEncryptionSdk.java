package dev.kmslab.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The AWS Encryption SDK for JavaScript ({@code @aws-crypto/client-node}, pinned in {@code src/test/node}) run by
 * Node.js through {@code src/test/node/interop.mjs}. The package is installed with {@code npm ci} (from npm's cache
 * when it has it) the first time it is needed. Without {@code node} or {@code npm} the tests are skipped, unless
 * {@code KMSLAB_REQUIRE_NODE=1} is set (as in CI), in which case they fail.
 */
final class NodeEncryptionSdk {

    static final Path DIR = Path.of("src", "test", "node").toAbsolutePath();

    /** What one run printed. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private NodeEncryptionSdk() {
    }

    /** Skips (or, with KMSLAB_REQUIRE_NODE=1, fails) when Node.js or npm is missing; installs the package. */
    static void requireOrSkip() throws IOException {
        String missing = !works("node", "--version") ? "Node.js (node)" : !works("npm", "--version") ? "npm" : null;
        if (missing != null) {
            String message = missing + " was not found on the PATH, so the AWS Encryption SDK for JavaScript interop "
                    + "tests cannot run";
            if ("1".equals(System.getenv("KMSLAB_REQUIRE_NODE"))) {
                fail(message + " (KMSLAB_REQUIRE_NODE=1 makes this a failure).");
            }
            Assumptions.assumeTrue(false, message + "; skipping them. Set KMSLAB_REQUIRE_NODE=1 to fail instead.");
        }
        if (!Files.isDirectory(DIR.resolve("node_modules/@aws-crypto/client-node"))) {
            Result install = run(List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"), Map.of(), 300);
            if (!install.ok()) {
                fail("npm ci in " + DIR + " failed: " + install.stderr());
            }
        }
    }

    /** Runs {@code node interop.mjs <arguments>} with the given access key and nothing of the machine's AWS setup. */
    static Result interop(String accessKeyId, String secretAccessKey, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("node", "interop.mjs"));
        command.addAll(List.of(arguments));
        return run(command, Map.of("AWS_ACCESS_KEY_ID", accessKeyId, "AWS_SECRET_ACCESS_KEY", secretAccessKey), 120);
    }

    private static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Result run(List<String> command, Map<String, String> extra, int seconds) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_CONFIG_FILE", DIR.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", DIR.resolve("no-aws-credentials").toString());
        env.putAll(extra);
        Process process = builder.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getErrorStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        }
    }
}
