package dev.kmslab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileStoreTest {

    record Sample(String name, List<String> ticks) {
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private JsonFileStore<Sample> store() {
        return new JsonFileStore<>(dir.resolve("sample.json"), Sample.class, () -> new Sample("default", List.of()),
                CLOCK);
    }

    @Test
    void missingFile_givesDefaultsWithoutNotice() {
        JsonFileStore.Loaded<Sample> loaded = store().load();
        assertThat(loaded.value().name()).isEqualTo("default");
        assertThat(loaded.notice()).isEmpty();
    }

    @Test
    void saveThenLoad_roundTrips() throws Exception {
        store().save(new Sample("mine", List.of("a", "b")));
        assertThat(store().load().value()).isEqualTo(new Sample("mine", List.of("a", "b")));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("sample.json");
        }
    }

    @Test
    void corruptFile_isMovedAsideAndReportedOnce() throws Exception {
        Files.writeString(dir.resolve("sample.json"), "{\"name\": \"half");
        JsonFileStore.Loaded<Sample> loaded = store().load();
        assertThat(loaded.value().name()).isEqualTo("default");
        assertThat(loaded.notice()).hasValueSatisfying(n -> assertThat(n)
                .contains("sample.json was damaged").contains("sample.json.corrupt-20261128T101530Z"));
        assertThat(dir.resolve("sample.json.corrupt-20261128T101530Z")).hasContent("{\"name\": \"half");
        assertThat(dir.resolve("sample.json")).doesNotExist();
        assertThat(store().load().notice()).isEmpty();
    }

    @Test
    void secondCorruption_getsItsOwnAsideFile() throws Exception {
        Files.writeString(dir.resolve("sample.json"), "not json");
        store().load();
        Files.writeString(dir.resolve("sample.json"), "[1, 2");
        store().load();
        assertThat(dir.resolve("sample.json.corrupt-20261128T101530Z")).hasContent("not json");
        assertThat(dir.resolve("sample.json.corrupt-20261128T101530Z-1")).hasContent("[1, 2");
    }
}
