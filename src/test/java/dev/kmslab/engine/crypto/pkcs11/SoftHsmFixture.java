package dev.kmslab.engine.crypto.pkcs11;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds SoftHSM2 on this machine and initialises a throw-away token in a temporary directory. Tests that need a
 * token call {@link #assumeAvailable()}: without SoftHSM2 they are skipped with a message, unless the environment
 * sets {@code KMSLAB_REQUIRE_HSM=1} (as CI does), in which case they fail.
 *
 * <p>The token never touches the machine's own SoftHSM2 configuration: a {@code softhsm2.conf} in the temporary
 * directory points {@code directories.tokendir} there, and every process that loads the module gets
 * {@code SOFTHSM2_CONF} set to it.
 */
public final class SoftHsmFixture {

    public static final String REQUIRE_VARIABLE = "KMSLAB_REQUIRE_HSM";
    /** Overrides the module search, e.g. {@code /opt/homebrew/lib/softhsm/libsofthsm2.so}. */
    public static final String MODULE_VARIABLE = "KMSLAB_SOFTHSM_MODULE";
    /** The variable the child processes read the user PIN from. */
    public static final String PIN_VARIABLE = "KMSLAB_TEST_PIN";
    public static final String TOKEN_LABEL = "kmslab-test";
    public static final String USER_PIN = "1234";
    public static final String SO_PIN = "5678";

    private static final List<String> MODULE_CANDIDATES = List.of(
            "/usr/lib/softhsm/libsofthsm2.so",
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/lib64/pkcs11/libsofthsm2.so",
            "/usr/lib64/softhsm/libsofthsm2.so",
            "/usr/local/lib/softhsm/libsofthsm2.so",
            "/opt/homebrew/lib/softhsm/libsofthsm2.so");

    /** A token initialised for one test class. */
    public record SoftHsm(Path module, Path conf, Path directory) {

        /** Environment for a process that should see this token, with the user PIN in {@link #PIN_VARIABLE}. */
        public Map<String, String> environment() {
            return Map.of("SOFTHSM2_CONF", conf.toString(), PIN_VARIABLE, USER_PIN);
        }

        /** Runs {@code main} in a child JVM that sees this token; {@code extra} overrides the environment. */
        public ChildJvm.Result run(Map<String, String> extra, Class<?> main, String... args) {
            Map<String, String> environment = new java.util.HashMap<>(environment());
            environment.putAll(extra);
            return ChildJvm.run(environment, List.of("-XX:TieredStopAtLevel=1", "-Xmx256m"), main, args);
        }

        /** Runs OpenSC's pkcs11-tool against this token, logged in as the user; returns its standard output. */
        public String pkcs11Tool(String... args) {
            Path tool = findOnPath("pkcs11-tool").orElseThrow();
            List<String> command = new ArrayList<>(List.of(tool.toString(), "--module", module.toString(),
                    "--token-label", TOKEN_LABEL, "--login", "--pin", USER_PIN));
            command.addAll(List.of(args));
            return exec(command, Map.of("SOFTHSM2_CONF", conf.toString())).stdout();
        }
    }

    private SoftHsmFixture() {
    }

    public static Optional<Path> findModule() {
        String override = System.getenv(MODULE_VARIABLE);
        if (override != null && !override.isBlank()) {
            Path path = Path.of(override);
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        }
        return MODULE_CANDIDATES.stream().map(Path::of).filter(Files::isRegularFile).findFirst();
    }

    public static Optional<Path> findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Why the token tests cannot run here, or empty if they can. */
    public static Optional<String> absence() {
        if (findModule().isEmpty()) {
            return Optional.of("no SoftHSM2 module library found (install the softhsm2 package or set "
                    + MODULE_VARIABLE + ")");
        }
        if (findOnPath("softhsm2-util").isEmpty()) {
            return Optional.of("softhsm2-util is not on the PATH");
        }
        return Optional.empty();
    }

    public static boolean required() {
        return "1".equals(System.getenv(REQUIRE_VARIABLE));
    }

    /** Skips the calling test if SoftHSM2 is missing, or fails it when {@code KMSLAB_REQUIRE_HSM=1}. */
    public static void assumeAvailable() {
        Optional<String> absence = absence();
        if (absence.isEmpty()) {
            return;
        }
        if (required()) {
            fail(REQUIRE_VARIABLE + "=1 but SoftHSM2 is unavailable: " + absence.get());
        }
        Assumptions.abort("Skipping PKCS#11 token tests: SoftHSM2 is unavailable: " + absence.get()
                + " (set " + REQUIRE_VARIABLE + "=1 to fail instead)");
    }

    /** Like {@link #assumeAvailable()} for OpenSC's pkcs11-tool, which the attribute checks use. */
    public static void assumePkcs11Tool() {
        if (findOnPath("pkcs11-tool").isPresent()) {
            return;
        }
        if (required()) {
            fail(REQUIRE_VARIABLE + "=1 but pkcs11-tool (package opensc) is not on the PATH");
        }
        Assumptions.abort("Skipping attribute check: pkcs11-tool (package opensc) is not on the PATH");
    }

    /** Writes a softhsm2.conf under {@code directory} and initialises token {@link #TOKEN_LABEL} in it. */
    public static SoftHsm initToken(Path directory) {
        Path module = findModule().orElseThrow(() -> new IllegalStateException(absence().orElse("no module")));
        try {
            Path tokens = Files.createDirectories(directory.resolve("tokens"));
            Path conf = directory.resolve("softhsm2.conf");
            Files.writeString(conf, "directories.tokendir = " + tokens + "\n"
                    + "objectstore.backend = file\n"
                    + "log.level = ERROR\n", StandardCharsets.UTF_8);
            SoftHsm hsm = new SoftHsm(module, conf, directory);
            addToken(hsm, TOKEN_LABEL);
            return hsm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Initialises one more token (same PINs) in the next free slot of {@code hsm}. */
    public static void addToken(SoftHsm hsm, String label) {
        exec(List.of(findOnPath("softhsm2-util").orElseThrow().toString(), "--init-token", "--free",
                "--label", label, "--pin", USER_PIN, "--so-pin", SO_PIN),
                Map.of("SOFTHSM2_CONF", hsm.conf().toString()));
    }

    private static ChildJvm.Result exec(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " failed (exit "
                        + process.exitValue() + "): " + output);
            }
            return new ChildJvm.Result(0, output, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
