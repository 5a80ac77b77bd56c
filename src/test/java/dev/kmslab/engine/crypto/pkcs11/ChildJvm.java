package dev.kmslab.engine.crypto.pkcs11;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a new JVM with the current class path and extra environment variables. PKCS#11 modules read
 * their settings (SoftHSM2: {@code SOFTHSM2_CONF}) from the process environment, which a running JVM cannot change,
 * so each test token is used from a child process started with the right environment.
 */
public final class ChildJvm {

    /** Output of a finished child. */
    public record Result(int exitCode, String stdout, String stderr) {

        /** The {@code R key=value} lines the scenario printed. */
        public Map<String, String> values() {
            Map<String, String> values = new java.util.LinkedHashMap<>();
            for (String line : stdout.split("\\R")) {
                if (line.startsWith("R ") && line.indexOf('=') > 2) {
                    int eq = line.indexOf('=');
                    values.put(line.substring(2, eq), line.substring(eq + 1));
                }
            }
            return values;
        }
    }

    private ChildJvm() {
    }

    public static Result run(Map<String, String> environment, List<String> jvmOptions, Class<?> main,
            String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("child JVM " + main.getSimpleName() + " did not finish in 120 s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for child JVM", e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
