package dev.kmslab.study.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.flow.FlowCatalogue;
import dev.kmslab.flow.FlowDefinition;
import dev.kmslab.study.content.ContentLoader;
import dev.kmslab.study.content.ContentProblem;
import dev.kmslab.study.content.ContentSource;
import dev.kmslab.study.content.StudyContent;
import dev.kmslab.study.labs.LabLoader;
import dev.kmslab.study.quiz.TrackCatalog;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PathLoaderTest {

    private static final StudyContent CONTENT = ContentLoader.loadFromClasspath();
    private static final Set<String> FLOWS = FlowCatalogue.all().stream().map(FlowDefinition::id)
            .collect(Collectors.toSet());

    private static LearningPaths load(String json) {
        return new PathLoader(CONTENT, FLOWS).load(path -> Optional.of(json));
    }

    private static List<String> problems(LearningPaths paths) {
        return paths.problems().stream().map(ContentProblem::toString).collect(Collectors.toList());
    }

    @Test
    void shippedPathsLoadCleanlyForEveryCurrentTrackAndNameLabsThatExist() {
        LearningPaths paths = new PathLoader(CONTENT, FLOWS).load(ContentSource.classpath());
        assertThat(problems(paths)).isEmpty();
        assertThat(paths.paths()).extracting(TrackPath::track)
                .containsExactlyInAnyOrder("SAA", "SAP", "DVA", "MLA", "AIP", "SCS");
        assertThat(paths.paths()).allSatisfy(p -> assertThat(p.modules()).hasSizeGreaterThanOrEqualTo(4));
        Set<String> labIds = new LabLoader(TrackCatalog.fromClasspath()).loadBuiltIn().catalogue().labs().stream()
                .map(l -> l.id()).collect(Collectors.toSet());
        assertThat(paths.unknownLabs(labIds)).isEmpty();
        assertThat(paths.forTrack("SCS").orElseThrow().modules().get(0).lab())
                .contains("least-privilege-key-policy");
        // Every path has a lab to do, and a lab a path names is one written for that exam.
        var labs = new LabLoader(TrackCatalog.fromClasspath()).loadBuiltIn().catalogue();
        assertThat(paths.paths()).allSatisfy(p -> {
            assertThat(p.modules()).as(p.track()).anyMatch(m -> m.lab().isPresent());
            p.modules().forEach(m -> m.lab().ifPresent(id -> assertThat(labs.lab(id).orElseThrow().tracks())
                    .as(p.track() + " names " + id).contains(p.track())));
        });
        assertThat(paths.forTrack("AIP").orElseThrow().modules()).extracting(m -> m.lab().orElse(""))
                .contains("bedrock-guardrail-key", "bedrock-flow-key");
    }

    @Test
    void badFile_everyProblemNamesFileFieldAndWhatWasExpected_andTheGoodPartsStillLoad() {
        LearningPaths paths = load("""
                {"paths": [
                  {"track": "SAA", "modules": [
                    {"concept": "key-rotation", "flow": "rotation", "topic": "rotation"},
                    {"concept": "no-such-page", "topic": "rotation"},
                    {"concept": "aliases", "topic": "no-such-topic"},
                    {"concept": "key-states", "flow": "no-such-flow", "topic": "key-states"},
                    {"concept": "key-types", "flow": 7, "topic": "key-types"},
                    {"topic": "key-types"},
                    {"concept": "key-rotation", "topic": "rotation"}
                  ]},
                  {"track": "XYZ", "modules": []},
                  {"track": "MLS", "modules": [{"concept": "key-types", "topic": "key-types"}]},
                  {"track": "SAA", "modules": [{"concept": "key-types", "topic": "key-types"}]},
                  {"track": "DVA", "modules": [{"concept": "nope", "topic": "aliases"}]}
                ]}
                """);
        assertThat(problems(paths)).containsExactly(
                "content/paths.json at paths[0].modules[1].concept: expected a concept id from concepts/index.json,"
                        + " found 'no-such-page'",
                "content/paths.json at paths[0].modules[2].topic: expected a topic id from tracks.json ("
                        + CONTENT.topics().stream().map(t -> t.id()).collect(Collectors.joining(", "))
                        + "), found 'no-such-topic'",
                "content/paths.json at paths[0].modules[3].flow: expected a flow id ("
                        + FLOWS.stream().sorted().collect(Collectors.joining(", ")) + "), found 'no-such-flow'",
                "content/paths.json at paths[0].modules[4].flow: expected a non-empty string or no flow at all",
                "content/paths.json at paths[0].modules[5].concept: expected a non-empty string, but it is missing",
                "content/paths.json at paths[0].modules[6].concept: concept 'key-rotation' is already a module of"
                        + " this path",
                "content/paths.json at paths[1].track: expected a track id from tracks.json (SAA, SAP, DVA, MLA, AIP,"
                        + " SCS, MLS), found 'XYZ'",
                "content/paths.json at paths[2].track: track MLS is retired; a retired exam gets no learning path",
                "content/paths.json at paths[3].track: track SAA already has a path above; give each track one path",
                "content/paths.json at paths[4].modules[0].concept: expected a concept id from concepts/index.json,"
                        + " found 'nope'",
                "content/paths.json at paths[4].modules: expected at least one module that loads");
        assertThat(paths.paths()).hasSize(1);
        assertThat(paths.paths().get(0).modules()).containsExactly(
                new PathModule("key-rotation", Optional.of("rotation"), Optional.empty(), "rotation"));
    }

    @Test
    void brokenJsonIsReportedWithLineAndColumn_andNothingLoads() {
        LearningPaths paths = load("{\"paths\": [\n  {\"track\": \"SAA\",, }\n]}");
        assertThat(paths.paths()).isEmpty();
        assertThat(paths.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("content/paths.json");
            assertThat(p.location()).isEqualTo("line 2, column 19");
            assertThat(p.message()).startsWith("not valid JSON: Unexpected character (','");
        });
    }

    @Test
    void missingFileAndWrongTopLevelAreReported() {
        assertThat(problems(new PathLoader(CONTENT, FLOWS).load(p -> Optional.empty())))
                .containsExactly("content/paths.json: file is missing");
        assertThat(problems(load("[1, 2]")))
                .containsExactly("content/paths.json: expected a JSON object at the top level");
        assertThat(problems(load("{\"tracks\": []}")))
                .containsExactly("content/paths.json at paths: expected an array, but it is missing");
    }

    @Test
    void aLabThatDidNotLoadIsReportedAtItsModule() {
        LearningPaths paths = load("{\"paths\": [{\"track\": \"SCS\", \"modules\": ["
                + "{\"concept\": \"key-policies\", \"lab\": \"gone\", \"topic\": \"key-policies\"}]}]}");
        assertThat(paths.problems()).isEmpty();
        assertThat(paths.unknownLabs(Set.of("least-privilege-key-policy"))).extracting(ContentProblem::toString)
                .containsExactly("content/paths.json at paths[0].modules[0].lab: names lab 'gone', which did not load");
    }
}
