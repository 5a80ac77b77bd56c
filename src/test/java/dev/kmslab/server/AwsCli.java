package dev.kmslab.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
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
 * Runs the real AWS CLI ({@code aws}) against a local endpoint. The CLI is isolated from the machine's own AWS
 * configuration (its config and credentials files point into a temporary folder, instance metadata is off), so a test
 * only ever talks to our server with the keys it passes. When {@code aws} is missing the tests are skipped, unless
 * {@code KMSLAB_REQUIRE_AWSCLI=1} is set (as in CI), in which case they fail.
 */
public final class AwsCli {

    /** What one CLI run printed. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private final Path home;
    private final Map<String, String> environment;

    private AwsCli(Path home, Map<String, String> environment) {
        this.home = home;
        this.environment = environment;
    }

    /** A CLI that signs with the given access key (and optional session token) in us-east-1. */
    public static AwsCli withCredentials(Path home, String accessKeyId, String secretAccessKey, String sessionToken) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", accessKeyId);
        env.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
        if (sessionToken != null) {
            env.put("AWS_SESSION_TOKEN", sessionToken);
        }
        return new AwsCli(home, env);
    }

    /**
     * A CLI that takes everything from the config and credentials files in {@code home} ({@code config},
     * {@code credentials}), with no keys in its environment: for testing profile files such as classroom handouts.
     */
    public static AwsCli withProfileFiles(Path home) {
        return new AwsCli(home, Map.of());
    }

    /** Skips the calling test when {@code aws} is not installed, or fails it when CI requires the CLI. */
    public static void requireOrSkip() {
        boolean present;
        try {
            Process p = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            present = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        if (!present) {
            String message = "the AWS CLI (aws) was not found on the PATH, so the AWS CLI tests cannot run";
            if ("1".equals(System.getenv("KMSLAB_REQUIRE_AWSCLI"))) {
                fail(message + " (KMSLAB_REQUIRE_AWSCLI=1 makes this a failure).");
            }
            Assumptions.assumeTrue(false, message + "; skipping them. Set KMSLAB_REQUIRE_AWSCLI=1 to fail instead.");
        }
    }

    /** Runs {@code aws --endpoint-url endpoint --region us-east-1 --output json <arguments>}. */
    public Result run(URI endpoint, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint.toString(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(arguments));
        return runRaw(command);
    }

    /** Runs {@code aws} with exactly these arguments (for options such as {@code --ca-bundle} or {@code --profile}). */
    public Result runRaw(List<String> command) throws IOException {
        Files.createDirectories(home);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        env.put("HOME", home.toString());
        env.putAll(environment);
        Process process = builder.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process));
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("aws timed out: " + command);
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running aws", e);
        }
    }

    private static byte[] readAll(Process process) {
        try {
            return process.getErrorStream().readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
