package dev.kmslab.study.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.study.labs.LabCatalogue;
import dev.kmslab.study.labs.LabLoader;
import dev.kmslab.study.quiz.TrackCatalog;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PathProgressTest {

    private static final LabCatalogue LABS = new LabLoader(TrackCatalog.fromClasspath()).loadBuiltIn().catalogue();

    private final TrackPath path = new TrackPath("SCS", "", List.of(
            new PathModule("key-policies", Optional.of("access-denied"), Optional.empty(), "key-policies"),
            new PathModule("quotas-pricing", Optional.empty(), Optional.empty(), "quotas")));
    // With no lab named, the path offers the catalogue's first lab that names the concept and the track.
    private static final String FIRST_SCS_POLICY_LAB = LABS.forConcept("key-policies").stream()
            .filter(l -> l.forTrack("SCS")).findFirst().orElseThrow().id();
    private final Set<String> passed = new HashSet<>();
    private final PathLabs labs = PathLabs.of(LABS, passed::contains);

    @Test
    void aModuleIsDoneOnlyWhenEveryStepItHasWasReallyDone() {
        StudyProgress.Document nothing = new StudyProgress.Document(1, "SCS", Map.of(), Map.of());
        PathProgress start = PathProgress.of(path, nothing, labs, Map.of());
        ModuleProgress policies = start.modules().get(0);
        assertThat(policies.labId()).contains(FIRST_SCS_POLICY_LAB);
        assertThat(policies.steps()).isEqualTo(4);
        assertThat(policies.stepsDone()).isZero();
        assertThat(start.next()).contains(policies);

        StudyProgress.Document study = new StudyProgress.Document(1, "SCS",
                Map.of("key-policies", "2026-12-01T10:00:00Z"), Map.of("access-denied", "2026-12-01T10:05:00Z"));
        ModuleProgress partly = PathProgress.of(path, study, labs, Map.of("key-policies", 2)).modules().get(0);
        assertThat(partly.pageRead()).isTrue();
        assertThat(partly.flowWatched()).contains(true);
        assertThat(partly.labPassed()).isFalse();
        assertThat(partly.topicQuizzed()).as("two answers are not yet three").isFalse();
        assertThat(partly.stepsDone()).isEqualTo(2);
        assertThat(partly.done()).isFalse();

        passed.add(FIRST_SCS_POLICY_LAB);
        PathProgress after = PathProgress.of(path, study, labs, Map.of("key-policies", 3));
        assertThat(after.modules().get(0).done()).isTrue();
        assertThat(after.modulesDone()).isEqualTo(1);
        assertThat(after.next().orElseThrow().module().concept()).isEqualTo("quotas-pricing");
    }

    @Test
    void stepsAModuleDoesNotHaveDoNotHoldItBack() {
        StudyProgress.Document study = new StudyProgress.Document(1, "SCS", Map.of("quotas-pricing", "t"), Map.of());
        ModuleProgress aliases = PathProgress.of(path, study, labs, Map.of("quotas", 5)).modules().get(1);
        assertThat(aliases.flowWatched()).isEmpty();
        assertThat(aliases.labId()).as("no lab names the quotas and pricing page").isEmpty();
        assertThat(aliases.steps()).isEqualTo(2);
        assertThat(aliases.done()).isTrue();
    }

    @Test
    void aLabOnlyCountsForTheTracksItIsWrittenFor() {
        // Labs name the key-states page for SCS, SAP and SAA, none for MLA.
        assertThat(LABS.forConcept("key-states")).isNotEmpty().noneMatch(l -> l.forTrack("MLA"));
        TrackPath mla = new TrackPath("MLA", "", List.of(
                new PathModule("key-states", Optional.empty(), Optional.empty(), "key-states")));
        assertThat(PathProgress.of(mla, new StudyProgress.Document(1, null, Map.of(), Map.of()), labs, Map.of())
                .modules().get(0).labId()).isEmpty();
    }
}
