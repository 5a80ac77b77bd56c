package dev.kmslab.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One JSON document on disk, such as settings or progress. Saving is atomic; a file that cannot be read is moved aside
 * as {@code <name>.corrupt-<timestamp>} and the caller starts from defaults with a notice to show the user once.
 */
public final class JsonFileStore<T> {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final Class<T> type;
    private final Supplier<T> defaults;
    private final Clock clock;

    public JsonFileStore(Path file, Class<T> type, Supplier<T> defaults, Clock clock) {
        this.file = file;
        this.type = type;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** What was loaded, plus a message for the user when the file was damaged and moved aside. */
    public record Loaded<T>(T value, Optional<String> notice) {
    }

    public Path file() {
        return file;
    }

    public Loaded<T> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded<>(defaults.get(), Optional.empty());
        } catch (IOException e) {
            return new Loaded<>(defaults.get(), Optional.of("Could not read " + file + " (" + e.getMessage()
                    + "); starting with defaults. Nothing will be written over it until you change something."));
        }
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                return new Loaded<>(defaults.get(), Optional.of(moveAside(new IOException("the file holds no JSON object"))));
            }
            return new Loaded<>(value, Optional.empty());
        } catch (IOException e) {
            return new Loaded<>(defaults.get(), Optional.of(moveAside(e)));
        }
    }

    public void save(T value) throws IOException {
        AtomicFile.write(file, MAPPER.writeValueAsBytes(value));
    }

    private String moveAside(IOException cause) {
        String reason = cause instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : cause.getMessage();
        try {
            Path aside = AtomicFile.moveAside(file, clock);
            return file.getFileName() + " was damaged (" + reason + "). It was kept as " + aside.getFileName()
                    + " and defaults are in use.";
        } catch (IOException e) {
            return file.getFileName() + " was damaged (" + reason + ") and could not be moved aside ("
                    + e.getMessage() + "). Defaults are in use.";
        }
    }
}
