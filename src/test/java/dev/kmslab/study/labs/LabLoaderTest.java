package dev.kmslab.study.labs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.study.quiz.TrackCatalog;
import dev.kmslab.study.quiz.load.BankFile;
import dev.kmslab.study.quiz.load.LoadProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lab files are validated at load with file:line:column: field: message, and a bad file never stops the rest. */
class LabLoaderTest {

    private static final TrackCatalog TRACKS = TrackCatalog.fromClasspath();

    /** A small valid lab; tests break one thing at a time. */
    static String lab(String id) {
        return "{\n"
                + "  \"id\": \"" + id + "\",\n"
                + "  \"title\": \"Disable a key\",\n"
                + "  \"tracks\": [\"SCS\"],\n"
                + "  \"domains\": [{\"track\": \"SCS\", \"domain\": \"Data Protection\"}],\n"
                + "  \"topics\": [\"key-states\"],\n"
                + "  \"scenario\": \"Disable the key.\",\n"
                + "  \"start\": {\n"
                + "    \"keys\": [{\"name\": \"k\", \"aliases\": [\"alias/k\"]}]\n"
                + "  },\n"
                + "  \"steps\": [{\"text\": \"Disable it.\", \"hints\": [\"Keys tab.\"]}],\n"
                + "  \"checks\": [{\"id\": \"off\", \"type\": \"keyState\", \"title\": \"Disabled\", \"key\": \"k\","
                + " \"state\": \"Disabled\"}],\n"
                + "  \"solution\": {\"explanation\": \"DisableKey.\", \"operations\": [{\"op\": \"DisableKey\","
                + " \"key\": \"k\"}]}\n"
                + "}\n";
    }

    private static LabLoadResult load(String name, String json) {
        return new LabLoader(TRACKS).load(List.of(new BankFile(name, json.getBytes(StandardCharsets.UTF_8))));
    }

    private static List<String> problems(String json) {
        return load("mine.json", json).problems().stream().map(LoadProblem::toString).collect(Collectors.toList());
    }

    @Test
    void aValidLabLoadsAndItsSolutionPasses() {
        LabLoadResult result = load("mine.json", lab("disable-a-key"));
        assertThat(result.problems()).isEmpty();
        Lab lab = result.catalogue().lab("disable-a-key").orElseThrow();
        assertThat(lab.hintCount()).isEqualTo(1);
        try (LabSandbox sandbox = LabSandbox.start(lab)) {
            assertThat(sandbox.check()).extracting(CheckResult::passed).containsExactly(false);
            assertThat(sandbox.check().get(0).reason()).isEqualTo("k is Enabled, expected Disabled.");
            sandbox.runSolution();
            assertThat(sandbox.check()).extracting(CheckResult::passed).containsExactly(true);
        }
    }

    @Test
    void theCheckersOwnCalls_neverSatisfyAnAuditCheck() {
        String json = lab("own-calls").replace("\"keys\": [{\"name\": \"k\", \"aliases\": [\"alias/k\"]}]",
                "\"keys\": [{\"name\": \"k\"}], \"actions\": [{\"op\": \"Encrypt\", \"key\": \"k\","
                        + " \"plaintext\": \"x\", \"saveAs\": \"blob\"}]")
                .replace("\"checks\": [", "\"checks\": [{\"id\": \"d\", \"type\": \"decrypt\", \"title\": \"D\","
                        + " \"ciphertext\": \"blob\", \"expect\": \"decrypts\"}, {\"id\": \"a\", \"type\":"
                        + " \"audit\", \"title\": \"A\", \"event\": \"Decrypt\", \"key\": \"k\"}, ");
        LabLoadResult result = load("mine.json", json);
        assertThat(result.problems()).isEmpty();
        try (LabSandbox sandbox = LabSandbox.start(result.catalogue().lab("own-calls").orElseThrow())) {
            for (int run = 0; run < 2; run++) {
                List<CheckResult> checked = sandbox.check();
                assertThat(checked.get(0).passed()).isTrue();
                assertThat(checked.get(1).passed()).as("run " + run).isFalse();
                assertThat(checked.get(1).reason()).isEqualTo("The audit log has no successful Decrypt on k.");
            }
            sandbox.run(new LabOperation("Decrypt", LabArgs.of(java.util.Map.of("ciphertext", "blob"))));
            assertThat(sandbox.check().get(1).passed()).isTrue();
        }
    }

    @Test
    void anUnknownOperation_isReportedWithItsLineColumnAndPath() {
        String json = lab("x").replace("\"op\": \"DisableKey\"", "\"op\": \"TurnOff\"");
        assertThat(problems(json)).first().asString()
                .startsWith("mine.json:13:")
                .contains("solution.operations[0].op: unknown operation \"TurnOff\"; expected one of [CreatePrincipal");
    }

    @Test
    void aMissingRequiredMember_namesWhatIsExpected() {
        String json = lab("x").replace(" \"state\": \"Disabled\"", " \"stat\": \"Disabled\"");
        assertThat(problems(json)).contains(
                "mine.json:12:89: checks[0].stat: unknown member for keyState; expected [key, state, id, type, title,"
                        + " region]")
                .anyMatch(p -> p.contains("checks[0].state: missing; expected a non-blank string"));
    }

    @Test
    void aReferenceToAKeyTheLabDoesNotHave_isReported() {
        String json = lab("x").replace("\"key\": \"k\"}]}", "\"key\": \"kk\"}]}");
        assertThat(problems(json)).anyMatch(p -> p.contains("solution.operations[0].key: no key is named \"kk\"; "
                + "expected one of [k] or an alias/..."));
    }

    @Test
    void unknownTrackDomainAndTopic_areReported() {
        String json = lab("x").replace("\"domain\": \"Data Protection\"", "\"domain\": \"Data Protectoin\"")
                .replace("[\"key-states\"]", "[\"key-state\"]");
        List<String> problems = problems(json);
        assertThat(problems).anyMatch(p -> p.contains("domains[0].domain: \"Data Protectoin\" is not a domain of "
                + "SCS"));
        assertThat(problems).anyMatch(p -> p.contains("topics[0]: unknown topic \"key-state\""));
        assertThat(problems(lab("x").replace("[\"SCS\"]", "[\"SCSX\"]")))
                .anyMatch(p -> p.contains("tracks[0]: unknown track \"SCSX\""));
    }

    @Test
    void badPrincipalsChoicesAndKinds_areReported() {
        String json = lab("x").replace("\"operations\": [{\"op\": \"DisableKey\", \"key\": \"k\"}]",
                "\"operations\": [{\"op\": \"DisableKey\", \"key\": \"k\", \"as\": \"admin\"},"
                        + " {\"op\": \"EnableKeyRotation\", \"key\": \"k\", \"rotationPeriodDays\": \"180\"}]");
        List<String> problems = problems(json);
        assertThat(problems).anyMatch(p -> p.contains("solution.operations[0].as: \"admin\" is not a principal"));
        assertThat(problems).anyMatch(p -> p.contains("solution.operations[1].rotationPeriodDays: expected a whole "
                + "number, found a string"));
    }

    @Test
    void notJson_isReportedWithItsPosition() {
        assertThat(problems("{\"id\": \"x\",\n  \"title\": }")).first().asString()
                .startsWith("mine.json:2:12: not valid JSON");
    }

    @Test
    void anInstructorsBadFile_isReportedAndSkipped_theRestLoads(@TempDir Path data) throws Exception {
        Path dir = Files.createDirectories(data.resolve(LabLoader.INSTRUCTOR_DIR));
        Files.writeString(dir.resolve("good.json"), lab("instructor-disable"));
        Files.writeString(dir.resolve("bad.json"), lab("instructor-bad").replace("\"type\": \"keyState\"",
                "\"type\": \"keyStatus\""));
        Files.writeString(dir.resolve("dup.json"), lab("least-privilege-key-policy"));
        LabLoadResult result = new LabLoader(TRACKS).load(data);
        LabCatalogue catalogue = result.catalogue();
        assertThat(catalogue.lab("instructor-disable")).isPresent();
        assertThat(catalogue.lab("instructor-bad")).isEmpty();
        assertThat(catalogue.lab("least-privilege-key-policy").orElseThrow().source())
                .isEqualTo("content/labs/least-privilege-key-policy.json");
        assertThat(catalogue.size()).isGreaterThanOrEqualTo(21);
        List<String> problems = result.problems().stream().map(LoadProblem::toString).collect(Collectors.toList());
        String bad = dir.resolve("bad.json").toString();
        assertThat(problems).contains(bad + ":12:36: checks[0].type: unknown check type \"keyStatus\"; expected one "
                + "of [access, keyState, key, rotation, grant, decrypt, audit, signature, customKeyStore]");
        assertThat(problems).contains(bad + ": the lab was skipped; fix the problems above");
        assertThat(problems).anyMatch(p -> p.startsWith(dir.resolve("dup.json") + ":2:9: id: duplicate lab id "
                + "\"least-privilege-key-policy\" (already defined in content/labs/least-privilege-key-policy.json)"));
    }
}
