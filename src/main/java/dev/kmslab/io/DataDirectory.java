package dev.kmslab.io;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a user's keys, settings and progress live: {@code --data-dir DIR} wins, then the {@code KMSLAB_HOME}
 * environment variable, then {@code ~/.kmslab}.
 */
public record DataDirectory(Path root) {

    public static final String ENV_VAR = "KMSLAB_HOME";

    public static DataDirectory resolve(Optional<String> commandLine, Map<String, String> env, Path userHome) {
        if (commandLine.isPresent() && !commandLine.get().isBlank()) {
            return new DataDirectory(Path.of(commandLine.get()).toAbsolutePath());
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataDirectory(Path.of(fromEnv).toAbsolutePath());
        }
        return new DataDirectory(userHome.resolve(".kmslab"));
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }
}
