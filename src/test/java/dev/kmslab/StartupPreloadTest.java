package dev.kmslab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

// Alone: StartupPreload keeps the one preload begun in a static field, which every UI test's app start takes.
@Isolated
class StartupPreloadTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    @Test
    void readsSettingsProgressAndContent_fromTheDataDirectoryOnTheCommandLine() throws Exception {
        Files.writeString(data.resolve("settings.json"), "{\"theme\": \"dark\", \"zoom\": 1.3}");
        Files.writeString(data.resolve("checklist-progress.json"), "{\"version\": 1, \"ticked\": [\"saa-1\"]}");

        StartupPreload preload = StartupPreload.take(List.of("--data-dir", data.toString()), CLOCK);
        StartupPreload.UserFiles files = preload.files().get(30, TimeUnit.SECONDS);

        assertThat(files.data().root()).isEqualTo(data.toAbsolutePath());
        assertThat(files.settings().value().dark()).isTrue();
        assertThat(files.settings().value().zoom()).isEqualTo(1.3);
        assertThat(files.settings().notice()).isEmpty();
        assertThat(files.progress().isTicked("saa-1")).isTrue();
        assertThat(preload.content().get(30, TimeUnit.SECONDS).concepts()).isNotEmpty();
    }

    @Test
    void aDataFolderReadableByOthers_isMadePrivate_withANoticeForTheApp() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.kmslab.io.OwnerOnlyFiles.isPosix());
        Path settings = Files.writeString(data.resolve("settings.json"), "{}");
        Files.setPosixFilePermissions(settings, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        StartupPreload.UserFiles files = StartupPreload.take(List.of("--data-dir", data.toString()), CLOCK)
                .files().get(30, TimeUnit.SECONDS);

        assertThat(files.privacyNotice()).hasValueSatisfying(n -> assertThat(n)
                .startsWith("Made the data folder " + data.toAbsolutePath() + " private to you"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(settings)))
                .isEqualTo("rw-------");
        assertThat(StartupPreload.take(List.of("--data-dir", data.toString()), CLOCK).files()
                .get(30, TimeUnit.SECONDS).privacyNotice()).isEmpty();
    }

    @Test
    void damagedSettings_giveDefaultsAndANotice_andTheFileIsKeptAside() throws Exception {
        Files.writeString(data.resolve("settings.json"), "{\"theme\": ");

        StartupPreload.UserFiles files = StartupPreload.take(List.of("--data-dir", data.toString()), CLOCK)
                .files().get(30, TimeUnit.SECONDS);

        assertThat(files.settings().value().dark()).isFalse();
        assertThat(files.settings().notice())
                .hasValueSatisfying(n -> assertThat(n).startsWith("settings.json was damaged"));
        try (var names = Files.list(data)) {
            assertThat(names.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("settings.json.corrupt-"));
        }
    }

    @Test
    void theAppTakesThePreloadTheLauncherBegan_onlyForTheSameArguments() {
        List<String> args = List.of("--data-dir", data.toString());

        StartupPreload begun = StartupPreload.begin(args);
        assertThat(StartupPreload.take(args, CLOCK)).isSameAs(begun);
        // Taken once: a second application instance reads the files again.
        assertThat(StartupPreload.take(args, CLOCK)).isNotSameAs(begun);

        StartupPreload forOtherArgs = StartupPreload.begin(args);
        StartupPreload taken = StartupPreload.take(List.of("--data-dir", data.resolve("other").toString()), CLOCK);
        assertThat(taken).isNotSameAs(forOtherArgs);
        assertThat(taken.files().join().data().root()).isEqualTo(data.resolve("other").toAbsolutePath());
    }
}
