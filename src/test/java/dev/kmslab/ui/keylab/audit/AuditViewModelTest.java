package dev.kmslab.ui.keylab.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.LabFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class AuditViewModelTest {

    @TempDir
    Path dir;

    private final LabFixture lab = new LabFixture();
    private final String early = lab.key(null);
    private final dev.kmslab.ui.common.ScriptedDialogs dialogs = new dev.kmslab.ui.common.ScriptedDialogs();
    private final AuditViewModel audit = new AuditViewModel(lab.session, dialogs);

    private void failEncrypt(String keyId) {
        try {
            lab.engine.encrypt(lab.root, EncryptRequest.of(keyId, "x".getBytes(StandardCharsets.UTF_8), Map.of()));
        } catch (KmsException expected) {
            // the failure is what the audit log should show
        }
    }

    @Test
    void showsEarlierEvents_andNewOnesLive_newestFirst() {
        assertThat(audit.events()).extracting(AuditEvent::eventName).containsExactly("CreateKey");
        lab.engine.disableKey(lab.root, new DisableKeyRequest(early));
        failEncrypt(early);
        assertThat(audit.events()).extracting(AuditEvent::eventName)
                .containsExactly("Encrypt", "DisableKey", "CreateKey");
        assertThat(audit.events().get(0).errorCode()).isEqualTo("DisabledException");
        assertThat(audit.operations()).containsExactly(AuditViewModel.ANY, "CreateKey", "DisableKey", "Encrypt");
    }

    @Test
    void readCallsAreHiddenByDefault_andFiltersCombine() {
        lab.engine.describeKey(lab.root, new DescribeKeyRequest(early));
        String other = lab.key(null);
        lab.engine.disableKey(lab.root, new DisableKeyRequest(other));
        failEncrypt(other);
        assertThat(audit.visibleEvents()).extracting(AuditEvent::eventName).doesNotContain("DescribeKey");
        audit.hideReadsProperty().set(false);
        assertThat(audit.visibleEvents()).extracting(AuditEvent::eventName).contains("DescribeKey");
        audit.errorsOnlyProperty().set(true);
        assertThat(audit.visibleEvents()).extracting(AuditEvent::errorCode).containsExactly("DisabledException");
        audit.errorsOnlyProperty().set(false);
        audit.keyFilterProperty().set(early.substring(0, 8));
        assertThat(audit.visibleEvents()).extracting(AuditEvent::eventName).containsExactly("DescribeKey",
                "CreateKey");
        audit.keyFilterProperty().set("");
        audit.operationProperty().set("DisableKey");
        assertThat(audit.visibleEvents()).hasSize(1);
    }

    @Test
    void principalFilter_listsEveryCallerSeen_andShowsOneStudentsCalls() {
        String account = lab.engine.account();
        for (String student : List.of("student07", "student10")) {
            lab.engine.principals().createUser(account, student);
            lab.engine.principals().attachUserPolicy(account, student, "use", """
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}
                    """);
        }
        String seven = "arn:aws:iam::" + account + ":user/student07";
        String ten = "arn:aws:iam::" + account + ":user/student10";
        lab.engine.createKey(dev.kmslab.engine.CallerContext.of(seven),
                dev.kmslab.engine.model.CreateKeyRequest.symmetric());
        lab.engine.disableKey(dev.kmslab.engine.CallerContext.of(ten), new DisableKeyRequest(early));

        assertThat(audit.principals()).containsExactly(AuditViewModel.ANY_PRINCIPAL, lab.root.principalArn(), seven,
                ten);
        audit.principalProperty().set(seven);
        assertThat(audit.visibleEvents()).singleElement().satisfies(e -> {
            assertThat(e.eventName()).isEqualTo("CreateKey");
            assertThat(e.principalArn()).isEqualTo(seven);
        });
        audit.principalProperty().set(ten);
        assertThat(audit.visibleEvents()).extracting(AuditEvent::eventName).containsExactly("DisableKey");
        audit.principalProperty().set(AuditViewModel.ANY_PRINCIPAL);
        assertThat(audit.visibleEvents()).hasSize(3);
    }

    @Test
    void export_writesTheVisibleEventsAsJsonLines_oldestFirst() throws Exception {
        failEncrypt("alias/missing");
        Path file = dir.resolve("audit.jsonl");
        dialogs.willCancelFileChoice().willChoose(file);
        audit.exportAs();
        assertThat(file).as("cancelled").doesNotExist();
        audit.exportAs();
        assertThat(dialogs.fileRequests()).extracting(r -> r.title() + " / " + r.initialName())
                .containsOnly("Export audit events / kmslab-audit.jsonl");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        JsonNode second = json.readTree(lines.get(1));
        assertThat(first.get("eventName").asText()).isEqualTo("CreateKey");
        assertThat(second.get("eventName").asText()).isEqualTo("Encrypt");
        assertThat(second.get("errorCode").asText()).isEqualTo("NotFoundException");
        assertThat(second.get("principalArn").asText()).isEqualTo(lab.root.principalArn());
        assertThat(audit.statusProperty().get()).isEqualTo("Exported 2 events to audit.jsonl.");
    }

    @Test
    void selecting_showsTheRecordAsJson_andTheSimulatorExplanationApart() {
        AuditEvent event = audit.events().get(0);
        audit.select(event);
        assertThat(audit.selectedJson()).contains("\"eventName\" : \"CreateKey\"")
                .contains("\"eventId\" : \"" + event.eventId() + "\"").doesNotContain("authorizationExplanation");
        assertThat(audit.selectedExplanation()).startsWith(dev.kmslab.flow.Step.SIMULATOR_HEADING)
                .contains(event.authorizationExplanation());
    }
}
