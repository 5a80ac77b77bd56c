package dev.kmslab.engine.crypto.asymmetric;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the {@code openssl} command line for interop tests. When it is missing the tests are skipped, unless
 * {@code KMSLAB_REQUIRE_OPENSSL=1} is set (as in CI), in which case they fail.
 */
final class OpenSsl {

    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private final Path directory;

    OpenSsl(Path directory) {
        this.directory = directory;
    }

    static void requireOrSkip() {
        boolean present;
        try {
            present = new OpenSsl(Path.of(".")).run("version").ok();
        } catch (IOException e) {
            present = false;
        }
        if (!present) {
            String message = "openssl was not found on the PATH, so the OpenSSL interop tests cannot run";
            if ("1".equals(System.getenv("KMSLAB_REQUIRE_OPENSSL"))) {
                fail(message + " (KMSLAB_REQUIRE_OPENSSL=1 makes this a failure).");
            }
            Assumptions.assumeTrue(false, message + "; skipping them. Set KMSLAB_REQUIRE_OPENSSL=1 to fail instead.");
        }
    }

    /** Runs openssl with the arguments in the working directory; file arguments are relative to it. */
    Result run(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("openssl timed out: " + command);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running openssl", e);
        }
    }

    /** Like {@link #run} but fails the test with openssl's output when the exit code is not 0. */
    Result expectSuccess(String... arguments) throws IOException {
        Result result = run(arguments);
        if (!result.ok()) {
            fail("openssl " + String.join(" ", arguments) + " failed:\n" + result.output());
        }
        return result;
    }

    String write(String name, byte[] content) throws IOException {
        Files.write(directory.resolve(name), content);
        return name;
    }

    String write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.US_ASCII));
    }

    byte[] read(String name) throws IOException {
        return Files.readAllBytes(directory.resolve(name));
    }
}
