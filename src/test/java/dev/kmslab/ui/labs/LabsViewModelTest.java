package dev.kmslab.ui.labs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.study.labs.CheckResult;
import dev.kmslab.study.labs.Lab;
import dev.kmslab.study.labs.LabLoader;
import dev.kmslab.study.labs.LabProgress;
import dev.kmslab.study.labs.LabSandbox;
import dev.kmslab.study.quiz.TrackCatalog;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.UiExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The Labs view model without the toolkit: filter, open, hints, check, solution, reset, progress. */
@ResourceLock(UiTests.JAVAFX)
class LabsViewModelTest {

    @TempDir
    Path data;

    private final List<String> notices = new ArrayList<>();
    private LabsViewModel model;

    @BeforeEach
    void load() {
        model = new LabsViewModel(() -> new LabLoader(TrackCatalog.fromClasspath()).load(data),
                new LabProgress(data, Clock.systemUTC()), UiExecutor.synchronous(), notices::add);
        model.load();
    }

    @Test
    void filterByTrack_showsOnlyThatTracksLabs() {
        int all = model.rows().size();
        assertThat(all).isGreaterThanOrEqualTo(20);
        assertThat(model.trackChoices()).contains(LabsViewModel.ALL_TRACKS, "SCS", "DVA", "SAA");
        model.trackFilterProperty().set("DVA");
        assertThat(model.rows()).isNotEmpty().allMatch(r -> r.tracks().contains("DVA"));
        assertThat(model.rows().size()).isLessThan(all);
    }

    @Test
    void reloadAndOpen_readsTheCatalogueAgain_andOpensALabThatWasNotInItBefore() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode lab;
        try (java.io.InputStream in = getClass().getClassLoader()
                .getResourceAsStream("content/labs/automatic-rotation-period.json")) {
            lab = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(in);
        }
        lab.put("id", "class-rotation").put("title", "Rotation, the class version");
        java.nio.file.Files.createDirectories(data.resolve("labs"));
        json.writeValue(data.resolve("labs/rotation.json").toFile(), lab);
        model.open("class-rotation");
        assertThat(model.labProperty().get()).as("not in the catalogue read before").isNull();

        model.reloadAndOpen("class-rotation");

        assertThat(model.labProperty().get().title()).isEqualTo("Rotation, the class version");
        assertThat(model.rows()).extracting(LabsViewModel.LabRow::id).contains("class-rotation");
    }

    @Test
    void openHintCheckSolveAndReset() {
        int revision = model.progressRevisionProperty().get();
        model.open("encryption-context-condition");
        Lab lab = model.labProperty().get();
        assertThat(model.progressRevisionProperty().get()).isGreaterThan(revision);
        assertThat(lab.title()).startsWith("Encryption context");
        assertThat(model.rows()).filteredOn(r -> r.id().equals(lab.id())).allMatch(LabsViewModel.LabRow::started);

        model.revealHint(1);
        model.revealHint(1);
        model.revealHint(1); // step 2 has two hints; a third reveal changes nothing
        assertThat(model.visibleHints(1)).hasSize(2);
        assertThat(model.hintsUsed()).isEqualTo(2);

        model.checkMyWork();
        assertThat(model.results()).extracting(CheckResult::id).contains("hr-denied");
        CheckResult hr = model.results().stream().filter(r -> r.id().equals("hr-denied")).findFirst().orElseThrow();
        assertThat(hr.passed()).isFalse();
        assertThat(hr.reason()).contains("is allowed but should be denied").contains("\"Payroll application\"");
        assertThat(model.statusProperty().get()).endsWith("checks passed.");

        model.showSolution();
        assertThat(model.solutionProperty().get()).contains("kms:EncryptionContext:department")
                .contains("1. PutKeyPolicy key=documents");

        LabSandbox sandbox = model.sandbox().orElseThrow();
        sandbox.runSolution();
        model.checkMyWork();
        assertThat(model.results()).allMatch(CheckResult::passed);
        assertThat(model.statusProperty().get()).isEqualTo("Every check passed — lab complete.");
        assertThat(new LabProgress(data, Clock.systemUTC()).passed(lab.id())).isTrue();

        AtomicReference<LabSandbox> followed = new AtomicReference<>();
        model.setResetListener((l, fresh) -> followed.set(fresh));
        model.reset();
        assertThat(model.sandbox().orElseThrow()).isNotSameAs(sandbox).isSameAs(followed.get());
        model.checkMyWork();
        assertThat(model.results()).anyMatch(r -> !r.passed());
        // Passed stays passed: a reset lab is practice, not a lost result.
        assertThat(model.rows()).filteredOn(r -> r.id().equals(lab.id())).allMatch(LabsViewModel.LabRow::passed);
    }

    @Test
    void aLabOpenedBeforeTheCatalogueLoaded_opensOnceItHas() {
        LabsViewModel early = new LabsViewModel(() -> new LabLoader(TrackCatalog.fromClasspath()).load(data),
                new LabProgress(data, Clock.systemUTC()), UiExecutor.synchronous(), notices::add);
        early.open("hmac-tokens");
        assertThat(early.labProperty().get()).isNull();
        early.load();
        assertThat(early.labProperty().get().id()).isEqualTo("hmac-tokens");
        assertThat(early.sandbox()).isPresent();
    }

    @Test
    void theSolutionShowsPoliciesAsTheyWouldBeTyped_withTheKeyArn() {
        model.open("cross-account-iam-policy");
        model.showSolution();
        String keyId = model.sandbox().orElseThrow().keys().get("backups");
        assertThat(model.solutionProperty().get()).contains("\"arn:aws:kms:us-east-1:111122223333:key/" + keyId + "\"")
                .doesNotContain("${");
    }

    @Test
    void openInKeyLab_handsTheSandboxToTheOpener() {
        AtomicReference<LabSandbox> opened = new AtomicReference<>();
        model.setKeyLabOpener((lab, sandbox) -> opened.set(sandbox));
        model.open("multi-region-dr");
        model.openInKeyLab();
        assertThat(opened.get()).isSameAs(model.sandbox().orElseThrow());
        assertThat(opened.get().regions().regions()).contains("us-east-1", "us-west-2");
    }
}
