package dev.kmslab.ui.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.server.classroom.ClassEnrolment;
import dev.kmslab.server.classroom.StudentPolicy;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class ClassroomViewModelTest {

    @TempDir
    Path data;

    @TempDir
    Path work;

    private final KmsEngine engine = KmsEngine.inMemory();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    private ClassroomViewModel model(Path dataDir) {
        return new ClassroomViewModel(new EndpointViewModel(() -> engine, dataDir, 0), dialogs);
    }

    @Test
    void forAClass_theEndpointServesHttpsEverywhere_andShowsTheRootKeyOnce() {
        ClassroomViewModel classroom = model(data);
        classroom.endpoint().forClassProperty().set(true);
        try {
            assertThat(classroom.endpoint().start()).isTrue();
            assertThat(classroom.endpoint().statusProperty().get()).startsWith("https://")
                    .endsWith(" · HTTPS for the class · test/test refused");
            classroom.showClassNotice();
            assertThat(dialogs.messages()).singleElement().satisfies(m -> {
                assertThat(m.title()).isEqualTo("Serving the class");
                assertThat(m.copyable()).startsWith("Students connect to https://")
                        .contains("TLS certificate SHA-256 fingerprint ")
                        .contains("NEW root access key (account root; shown only now): access key id 'AKIA")
                        .contains("rate limit: 20 requests/s per access key, bursts of 40");
            });
        } finally {
            classroom.endpoint().stop();
        }
        classroom.endpoint().start();
        try {
            classroom.showClassNotice();
            assertThat(dialogs.messages().get(1).copyable()).contains("root access key AKIA")
                    .doesNotContain("NEW root access key");
        } finally {
            classroom.endpoint().stop();
        }
    }

    @Test
    void enrolClass_asksForRosterAndFolder_writesHandouts_andSaysWhatItDid() throws Exception {
        ClassroomViewModel classroom = model(data);
        classroom.policyProperty().set(StudentPolicy.KMS_READONLY);
        Path roster = Files.writeString(work.resolve("roster.txt"), "alice\nbob kms-full\n");
        Path handouts = work.resolve("handouts");
        classroom.endpoint().start();
        try {
            dialogs.willChoose(roster).willChoose(handouts);

            Optional<ClassEnrolment.Result> result = classroom.enrolClass();

            assertThat(result).hasValueSatisfying(r -> assertThat(r.students()).hasSize(2));
            assertThat(dialogs.fileRequests()).extracting(r -> r.title()).containsExactly(
                    "Class roster: one student name per line", "Folder for the students' handouts");
            assertThat(handouts.resolve("alice.aws-config")).content()
                    .contains("endpoint_url = " + classroom.endpoint().server().endpoint())
                    .contains("# Identity policy: kms-readonly");
            assertThat(handouts.resolve("bob.aws-config")).content().contains("# Identity policy: kms-full");
            assertThat(dialogs.messages()).last().satisfies(m -> {
                assertThat(m.title()).isEqualTo("Class enrolled");
                assertThat(m.text()).startsWith("2 students, one handout each in " + handouts);
                assertThat(m.copyable()).contains("arn:aws:iam::111122223333:user/alice · kms-readonly");
            });
        } finally {
            classroom.endpoint().stop();
        }
    }

    @Test
    void aBadRosterOrAnEndpointThatIsOff_isExplained_andCancellingDoesNothing() throws Exception {
        ClassroomViewModel classroom = model(data);
        assertThat(classroom.enrolClass()).isEmpty();
        assertThat(dialogs.errors()).containsExactly("No class enrolled: Turn the endpoint on first: handouts name "
                + "its address.");

        classroom.endpoint().start();
        try {
            dialogs.willCancelFileChoice();
            assertThat(classroom.enrolClass()).isEmpty();
            assertThat(dialogs.errors()).hasSize(1);

            Path roster = Files.writeString(work.resolve("roster.txt"), "alice\nal ice kms-full extra\n");
            dialogs.willChoose(roster).willChoose(work.resolve("out"));
            assertThat(classroom.enrolClass()).isEmpty();
            assertThat(dialogs.errors()).last().isEqualTo("No class enrolled: " + roster + ":2: expected a name and "
                    + "at most one policy template, found 4 words: 'al ice kms-full extra'");
            assertThat(work.resolve("out")).doesNotExist();
        } finally {
            classroom.endpoint().stop();
        }
    }
}
