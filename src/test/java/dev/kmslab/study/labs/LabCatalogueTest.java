package dev.kmslab.study.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmslab.study.quiz.TrackCatalog;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in lab: its starting state fails at least one check, and its reference solution passes them all. */
class LabCatalogueTest {

    private static final LabLoadResult LOADED = new LabLoader(TrackCatalog.fromClasspath()).loadBuiltIn();

    static Stream<String> labIds() {
        return LOADED.catalogue().labs().stream().map(Lab::id);
    }

    @Test
    void builtInLabsLoadWithoutProblems() {
        assertEquals(List.of(), LOADED.problems().stream().map(Object::toString).collect(Collectors.toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labIds")
    void startingStateFailsAndSolutionPasses(String id) {
        Lab lab = LOADED.catalogue().lab(id).orElseThrow();
        try (LabSandbox sandbox = LabSandbox.start(lab)) {
            List<CheckResult> before = sandbox.check();
            assertEquals(lab.checks().size(), before.size());
            assertTrue(before.stream().anyMatch(r -> !r.passed()), "the starting state already passes every "
                    + "check of " + id);
            before.stream().filter(r -> !r.passed()).forEach(r -> assertFalse(r.reason().isBlank(), r.id()));
            sandbox.runSolution();
            List<CheckResult> after = sandbox.check();
            List<String> failed = after.stream().filter(r -> !r.passed())
                    .map(r -> r.id() + ": " + r.reason()).collect(Collectors.toList());
            assertEquals(List.of(), failed, "the reference solution of " + id + " fails checks");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labIds")
    void resetGivesTheStartingStateBack(String id) {
        Lab lab = LOADED.catalogue().lab(id).orElseThrow();
        List<Boolean> fresh;
        try (LabSandbox first = LabSandbox.start(lab)) {
            fresh = first.check().stream().map(CheckResult::passed).collect(Collectors.toList());
            first.runSolution();
        }
        try (LabSandbox again = LabSandbox.start(lab)) {
            assertEquals(fresh, again.check().stream().map(CheckResult::passed).collect(Collectors.toList()));
        }
    }

    @Test
    void catalogueCoversEveryTrackStillOffered() {
        Set<String> tracks = LOADED.catalogue().labs().stream().flatMap(l -> l.tracks().stream())
                .collect(Collectors.toSet());
        assertTrue(tracks.containsAll(Set.of("SAA", "SAP", "DVA", "MLA", "AIP", "SCS")), tracks.toString());
    }
}
