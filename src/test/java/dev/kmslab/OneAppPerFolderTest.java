package dev.kmslab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher makes of a claim on the data folder, and that the start-up probe makes none. */
class OneAppPerFolderTest {

    @TempDir
    Path data;

    @Test
    void theStartupProbe_neitherLocksNorListens_soItAlwaysStarts() {
        OneAppPerFolder.enter(List.of("--startup-probe", "--data-dir", data.toString()));

        assertThat(data.resolve(SingleInstance.LOCK_FILE)).doesNotExist();
        assertThat(data.resolve(SingleInstance.INFO_FILE)).doesNotExist();
    }

    @Test
    void anAppThatDoesNotAnswer_isNamedWithTheReasonAndWhatToDo() {
        assertThat(OneAppPerFolder.handle(new SingleInstance.Claim.Unreachable(data, "port 4 refused")))
                .contains("KMS Lab is already running on the data folder " + data + " but did not answer within 5 s"
                        + " (port 4 refused). Not starting a second copy, which could overwrite its progress: switch"
                        + " to its window, close it and try again, or start with --data-dir <another folder>.");
        assertThat(OneAppPerFolder.handle(new SingleInstance.Claim.Unlocked(data, "cannot lock x: no locks")))
                .contains("KMS Lab: cannot lock x: no locks; starting anyway, but a second copy on " + data
                        + " will not be noticed.");
    }
}
