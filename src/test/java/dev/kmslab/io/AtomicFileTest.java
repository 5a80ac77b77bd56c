package dev.kmslab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T02:15:09Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void write_replacesContentAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("sub").resolve("state.json");
        AtomicFile.write(target, "one".getBytes());
        AtomicFile.write(target, "two".getBytes());

        assertThat(target).hasContent("two");
        assertThat(names(target.getParent())).containsExactly("state.json");
    }

    @Test
    void moveAside_movesFileToTimestampedSiblingAndReturnsIt() throws Exception {
        Path file = Files.writeString(dir.resolve("keystore.json"), "damaged");

        Path aside = AtomicFile.moveAside(file, CLOCK);

        assertThat(aside).isEqualTo(dir.resolve("keystore.json.corrupt-20261207T021509Z"));
        assertThat(aside).hasContent("damaged");
        assertThat(file).doesNotExist();
    }

    @Test
    void moveAside_neverOverwritesAnEarlierAsideFile() throws Exception {
        Path file = dir.resolve("keystore.json");
        Files.writeString(dir.resolve("keystore.json.corrupt-20261207T021509Z"), "first");
        Files.writeString(dir.resolve("keystore.json.corrupt-20261207T021509Z-1"), "second");
        Files.writeString(file, "third");

        Path aside = AtomicFile.moveAside(file, CLOCK);

        assertThat(aside).isEqualTo(dir.resolve("keystore.json.corrupt-20261207T021509Z-2"));
        assertThat(aside).hasContent("third");
        assertThat(dir.resolve("keystore.json.corrupt-20261207T021509Z")).hasContent("first");
        assertThat(dir.resolve("keystore.json.corrupt-20261207T021509Z-1")).hasContent("second");
        assertThat(file).doesNotExist();
    }

    @Test
    void moveAside_missingFile_throwsAndCreatesNothing() {
        Path file = dir.resolve("gone.json");

        assertThatThrownBy(() -> AtomicFile.moveAside(file, CLOCK)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("gone.json");
        assertThat(names(dir)).isEmpty();
    }

    @Test
    void unusedSibling_putsTheCounterBeforeTheSuffix() throws Exception {
        Path file = dir.resolve("keystore.journal");
        assertThat(AtomicFile.unusedSibling(file, "keystore.json.v1", ".bak"))
                .isEqualTo(dir.resolve("keystore.json.v1.bak"));

        Files.writeString(dir.resolve("keystore.json.v1.bak"), "kept");
        Files.writeString(dir.resolve("keystore.json.v1-1.bak"), "kept too");

        assertThat(AtomicFile.unusedSibling(file, "keystore.json.v1", ".bak"))
                .isEqualTo(dir.resolve("keystore.json.v1-2.bak"));
        assertThat(dir.resolve("keystore.json.v1-2.bak")).doesNotExist();
    }

    private static List<String> names(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
