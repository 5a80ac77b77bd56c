package dev.kmslab.study.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabProgressTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void startedHintsAndPassSurviveARestart(@TempDir Path dir) throws Exception {
        LabProgress progress = new LabProgress(dir, clock);
        progress.markStarted("grants");
        progress.hintRevealed("grants", 3);
        progress.hintRevealed("grants", 3);
        progress.checked("grants", false);
        assertFalse(progress.passed("grants"));
        progress.checked("grants", true);
        progress.checked("grants", false); // a later failing run never un-passes a lab

        LabProgress reread = new LabProgress(dir, clock);
        assertTrue(reread.started("grants"));
        assertTrue(reread.passed("grants"));
        assertEquals(2, reread.hintsUsed("grants"));
        assertEquals(3, reread.entry("grants").orElseThrow().checkRuns());
        assertEquals("2026-12-06T10:00:00Z", reread.entry("grants").orElseThrow().passedAt());
        assertFalse(reread.started("rotation"));
        assertTrue(reread.loadNotice().isEmpty());
    }

    @Test
    void hintsNeverExceedTheLabsHints(@TempDir Path dir) throws Exception {
        LabProgress progress = new LabProgress(dir, clock);
        for (int i = 0; i < 5; i++) {
            progress.hintRevealed("x", 2);
        }
        assertEquals(2, progress.hintsUsed("x"));
    }

    @Test
    void aCorruptFileIsKeptAsideNotOverwritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(LabProgress.FILE_NAME);
        Files.writeString(file, "{\"version\": 1, \"labs\": {\"grants\": ", StandardCharsets.UTF_8);
        LabProgress progress = new LabProgress(dir, clock);
        assertTrue(progress.loadNotice().orElseThrow().contains("lab-progress.json"));
        assertFalse(progress.started("grants"));
        List<Path> aside;
        try (Stream<Path> files = Files.list(dir)) {
            aside = files.filter(p -> p.getFileName().toString().startsWith(LabProgress.FILE_NAME + ".corrupt-"))
                    .collect(Collectors.toList());
        }
        assertEquals(1, aside.size());
        assertEquals("{\"version\": 1, \"labs\": {\"grants\": ", Files.readString(aside.get(0)));
        progress.markStarted("rotation");
        assertTrue(new LabProgress(dir, clock).started("rotation"));
        assertEquals("{\"version\": 1, \"labs\": {\"grants\": ", Files.readString(aside.get(0)));
    }
}
