package dev.kmslab.ui.endpoint;

import dev.kmslab.server.classroom.ClassEnrolment;
import dev.kmslab.server.classroom.Roster;
import dev.kmslab.server.classroom.StudentPolicy;
import dev.kmslab.ui.common.DialogService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The endpoint panel's class tools: serving the class (see {@link EndpointViewModel#forClassProperty()}) and enrolling
 * one from a roster file, which gives each student an IAM user, an access key and a handout (an AWS CLI profile) in a
 * folder the instructor picks, as {@code serve --class} does. Dialogs go through {@link DialogService}, so tests
 * answer them without a window.
 */
public final class ClassroomViewModel {

    private final EndpointViewModel endpoint;
    private final DialogService dialogs;
    private final ObjectProperty<StudentPolicy> policy = new SimpleObjectProperty<>(StudentPolicy.KMS_STUDENT);

    public ClassroomViewModel(EndpointViewModel endpoint, DialogService dialogs) {
        this.endpoint = endpoint;
        this.dialogs = dialogs;
    }

    public EndpointViewModel endpoint() {
        return endpoint;
    }

    /** The policy template for students whose roster line names none. */
    public ObjectProperty<StudentPolicy> policyProperty() {
        return policy;
    }

    public List<StudentPolicy> policies() {
        return List.of(StudentPolicy.values());
    }

    /** Shows what the instructor must note after starting for a class (the root key's secret only appears now). */
    public void showClassNotice() {
        String notice = endpoint.classNoticeProperty().get();
        if (notice != null && !notice.isBlank()) {
            dialogs.showInformation(new DialogService.Message("Serving the class", "Note the root access key now: "
                    + "its secret is not shown again. Students check the certificate fingerprint before trusting "
                    + "it.", notice));
        }
    }

    /**
     * Asks for the roster file and the handouts folder, then enrols the class; the outcome (or the roster's problems,
     * with their line numbers) is shown in a dialog. Returns what was enrolled, or empty when cancelled or refused.
     */
    public Optional<ClassEnrolment.Result> enrolClass() {
        if (!endpoint.runningProperty().get()) {
            dialogs.showError("No class enrolled", "Turn the endpoint on first: handouts name its address.");
            return Optional.empty();
        }
        Optional<Path> rosterFile = dialogs.chooseFileToOpen(new DialogService.FileRequest(
                "Class roster: one student name per line", "", List.of(new DialogService.FileType("Text", "*.txt"),
                new DialogService.FileType("All files", "*.*"))));
        if (rosterFile.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> folder = dialogs.chooseFolder("Folder for the students' handouts");
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        try {
            Roster roster = Roster.read(rosterFile.get());
            ClassEnrolment.Result result = endpoint.enrol(roster, policy.get(), folder.get());
            dialogs.showInformation(new DialogService.Message("Class enrolled", result.students().size()
                    + " students, one handout each in " + result.handoutsFolder() + ". Each handout holds that "
                    + "student's secret access key: give it to them only.", String.join("\n", result.report())
                    .replace("\n    ", "\n").strip()));
            return Optional.of(result);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            dialogs.showError("No class enrolled", e.getMessage());
            return Optional.empty();
        }
    }
}
