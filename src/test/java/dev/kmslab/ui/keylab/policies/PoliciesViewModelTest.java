package dev.kmslab.ui.keylab.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.model.GetKeyPolicyRequest;
import dev.kmslab.engine.policy.DefaultKeyPolicy;
import dev.kmslab.engine.policy.PolicyParser;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.LabFixture;
import dev.kmslab.ui.keylab.actas.ActAsViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class PoliciesViewModelTest {

    private final LabFixture lab = new LabFixture();
    private final String account = lab.engine.account();
    private final String root = "arn:aws:iam::" + account + ":root";
    private final String app = "arn:aws:iam::" + account + ":role/App";
    private PolicyEditorViewModel editor;
    private SimulatorViewModel simulator;
    private String keyId;

    @BeforeEach
    void setUp() {
        new ActAsViewModel(lab.session); // seeds the demo roles
        editor = new PolicyEditorViewModel(lab.session);
        simulator = new SimulatorViewModel(lab.session, editor::showDecidingStatement);
        keyId = lab.key("alias/orders");
        lab.session.selectedKeyIdProperty().set(keyId);
    }

    private static String denyEncrypt(String account) {
        return "{\n"
                + "  \"Version\": \"2012-10-17\",\n"
                + "  \"Statement\": [ {\n"
                + "    \"Sid\": \"Admin\",\n"
                + "    \"Effect\": \"Allow\",\n"
                + "    \"Principal\": { \"AWS\": \"arn:aws:iam::" + account + ":root\" },\n"
                + "    \"Action\": \"kms:*\",\n"
                + "    \"Resource\": \"*\"\n"
                + "  }, {\n"
                + "    \"Sid\": \"NoEncrypt\",\n"
                + "    \"Effect\": \"Deny\",\n"
                + "    \"Principal\": { \"AWS\": \"*\" },\n"
                + "    \"Action\": \"kms:Encrypt\",\n"
                + "    \"Resource\": \"*\"\n"
                + "  } ]\n"
                + "}";
    }

    @Test
    void selectingAKey_loadsItsPolicy_valid() {
        assertThat(editor.textProperty().get()).isEqualTo(DefaultKeyPolicy.forAccount(account));
        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(editor.problemProperty().get()).isNull();
        assertThat(editor.validityProperty().get()).isEqualTo("Valid key policy: 1 statement.");
    }

    @Test
    void anInvalidEdit_reportsTheEnginesLineColumnAndPath() {
        editor.textProperty().set(editor.textProperty().get().replace("\"Allow\"", "\"Permit\""));
        editor.validate();
        PolicyProblem p = editor.problemProperty().get();
        assertThat(p.line()).isEqualTo(6);
        assertThat(p.path()).isEqualTo("Statement[0].Effect");
        assertThat(editor.validityProperty().get()).startsWith("line 6, column " + p.column() + ": ")
                .endsWith("(Statement[0].Effect)");
        editor.showProblem();
        TextRange r = editor.highlightProperty().get();
        assertThat(editor.textProperty().get().substring(r.start(), r.end())).isEqualTo("    \"Effect\" : \"Permit\",");
    }

    @Test
    void brokenJson_isReportedWithItsPosition() {
        editor.textProperty().set("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [ \n}");
        editor.validate();
        assertThat(editor.problemProperty().get().line()).isEqualTo(4);
        assertThat(editor.problemProperty().get().reason()).startsWith("not valid JSON");
    }

    @Test
    void everyTemplate_isAValidKeyPolicy_forTheKey() {
        for (PolicyTemplates.Template t : PolicyTemplates.ALL) {
            editor.applyTemplate(t);
            assertThat(editor.problemProperty().get()).as(t.name()).isNull();
            assertThat(editor.textProperty().get()).as(t.name()).contains(root);
        }
        editor.applyTemplate(PolicyTemplates.ALL.get(2));
        assertThat(editor.textProperty().get()).contains("arn:aws:iam::444455556666:root");
    }

    @Test
    void save_putsThePolicy_andTheSimulatorMarksTheDenyingStatement() {
        editor.textProperty().set(denyEncrypt(account));
        assertThat(editor.dirtyProperty().get()).isTrue();
        editor.save();
        assertThat(editor.errorProperty().get()).isNull();
        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(lab.engine.getKeyPolicy(lab.root, GetKeyPolicyRequest.of(keyId)).policy())
                .isEqualTo(denyEncrypt(account));

        simulator.setPrincipalArn(root);
        simulator.actionProperty().set("kms:Encrypt");
        simulator.simulate();
        assertThat(simulator.verdictProperty().get()).isEqualTo("Denied");
        assertThat(simulator.allowedProperty().get()).isFalse();
        assertThat(simulator.explanationProperty().get()).contains("NoEncrypt");
        TextRange r = editor.highlightProperty().get();
        String marked = editor.textProperty().get().substring(r.start(), r.end());
        assertThat(marked).startsWith("  }, {").contains("\"Sid\": \"NoEncrypt\"").endsWith("  } ]");

        simulator.actionProperty().set("kms:Decrypt");
        simulator.simulate();
        assertThat(simulator.verdictProperty().get()).isEqualTo("Allowed");
    }

    @Test
    void aPolicyThatLocksTheCallerOut_isRefused_withTheAwsError() {
        editor.textProperty().set(denyEncrypt(account).replace("\"kms:Encrypt\"", "\"kms:PutKeyPolicy\""));
        editor.save();
        assertThat(editor.errorProperty().get().code()).isEqualTo("MalformedPolicyDocumentException");
        assertThat(editor.errorProperty().get().message())
                .isEqualTo("The new key policy will not allow you to update the key policy in the future.");
        assertThat(editor.dirtyProperty().get()).isTrue();
    }

    @Test
    void savingAnInvalidPolicy_isRefusedByTheEngine_andMarksTheFaultyLine() {
        editor.textProperty().set(editor.textProperty().get().replace("\"kms:*\"", "\"kms:Fly\""));
        editor.save();
        assertThat(editor.errorProperty().get().code()).isEqualTo("MalformedPolicyDocumentException");
        PolicyProblem p = editor.problemProperty().get();
        assertThat(p.path()).startsWith("Statement[0].Action");
        TextRange r = editor.highlightProperty().get();
        assertThat(editor.textProperty().get().substring(r.start(), r.end())).contains("kms:Fly");
        assertThat(lab.engine.getKeyPolicy(lab.root, GetKeyPolicyRequest.of(keyId)).policy())
                .isEqualTo(DefaultKeyPolicy.forAccount(account));
    }

    @Test
    void onlyWithContextTemplate_deniesTheAppWithoutTheContext_andAllowsItWith() {
        editor.applyTemplate(PolicyTemplates.ALL.get(4));
        editor.save();
        simulator.setPrincipalArn(app);
        simulator.actionProperty().set("kms:Encrypt");
        simulator.simulate();
        assertThat(simulator.verdictProperty().get()).isEqualTo("Denied");
        simulator.contextProperty().set("Department=Finance");
        simulator.simulate();
        assertThat(simulator.verdictProperty().get()).isEqualTo("Allowed");
    }

    @Test
    void crossAccountTemplate_letsThePartnerRoleIn_whichTheDefaultPolicyKeepsOut() {
        simulator.setPrincipalArn("arn:aws:iam::444455556666:role/Partner");
        simulator.actionProperty().set("kms:Decrypt");
        simulator.simulate();
        assertThat(simulator.verdictProperty().get()).isEqualTo("Denied");
        editor.applyTemplate(PolicyTemplates.ALL.get(2));
        editor.save();
        simulator.simulate();
        assertThat(simulator.verdictProperty().get()).isEqualTo("Allowed");
    }

    @Test
    void administratorsAndUsersTemplate_separatesManagingFromUsing() {
        editor.applyTemplate(PolicyTemplates.ALL.get(1));
        editor.save();
        simulator.setPrincipalArn(app);
        simulator.actionProperty().set("kms:Encrypt");
        simulator.simulate();
        assertThat(simulator.verdictProperty().get()).isEqualTo("Allowed");
        TextRange r = editor.highlightProperty().get();
        assertThat(editor.textProperty().get().substring(r.start(), r.end())).contains("Allow use of the key");
        simulator.actionProperty().set("kms:ScheduleKeyDeletion");
        simulator.simulate();
        assertThat(simulator.verdictProperty().get()).isEqualTo("Denied");
    }

    @Test
    void onlyViaS3Template_allowsTheAppOnlyThroughS3() {
        editor.applyTemplate(PolicyTemplates.ALL.get(3));
        editor.save();
        simulator.setPrincipalArn(app);
        simulator.actionProperty().set("kms:Decrypt");
        simulator.simulate();
        assertThat(simulator.verdictProperty().get()).isEqualTo("Denied");
        simulator.viaServiceProperty().set("s3." + lab.engine.region() + ".amazonaws.com");
        simulator.simulate();
        assertThat(simulator.verdictProperty().get()).isEqualTo("Allowed");
    }

    @Test
    void aBadContext_isAnInlineError_notACall() {
        simulator.contextProperty().set("Department");
        simulator.simulate();
        assertThat(simulator.errorProperty().get().message()).contains("not a key=value pair");
        assertThat(simulator.verdictProperty().get()).isEmpty();
    }

    @Test
    void principalsPanel_createsARole_andAttachesAPolicy() {
        PrincipalsViewModel principals = new PrincipalsViewModel(lab.session);
        principals.nameProperty().set("Analyst");
        principals.create();
        assertThat(principals.statusProperty().get()).startsWith("Created arn:aws:iam::" + account + ":role/Analyst");
        assertThat(simulator.principals()).extracting(c -> c.arn()).contains("arn:aws:iam::" + account
                + ":role/Analyst");
        principals.attachToProperty().set(simulator.principals().stream()
                .filter(c -> c.arn().endsWith("role/Analyst")).findFirst().orElseThrow());
        principals.attach();
        assertThat(principals.errorProperty().get()).isNull();
        assertThat(lab.engine.principals().policiesOf("arn:aws:iam::" + account + ":role/Analyst"))
                .extracting(p -> p.name()).containsExactly("LabPolicy");

        principals.policyJsonProperty().set("{ \"Version\": \"2012-10-17\" }");
        principals.attach();
        assertThat(principals.errorProperty().get().code()).isEqualTo("MalformedPolicyDocumentException");
        assertThat(PolicyParser.parseIdentityPolicy(PrincipalsViewModel.SAMPLE_POLICY).statements()).hasSize(1);
    }
}
