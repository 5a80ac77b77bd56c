package dev.kmslab.study.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads content files by their path under {@code content/}, from the classpath in the app or a folder in tests. */
@FunctionalInterface
public interface ContentSource {

    /** The file's text, or empty when there is no such file. */
    Optional<String> read(String relativePath) throws IOException;

    static ContentSource classpath() {
        return path -> {
            try (InputStream in = ContentSource.class.getClassLoader().getResourceAsStream("content/" + path)) {
                return in == null ? Optional.empty()
                        : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        };
    }

    static ContentSource directory(Path root) {
        return path -> {
            try {
                return Optional.of(Files.readString(root.resolve(path), StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        };
    }
}
