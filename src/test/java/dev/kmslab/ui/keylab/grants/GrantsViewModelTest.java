package dev.kmslab.ui.keylab.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.ListGrantsRequest;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.LabFixture;
import dev.kmslab.ui.keylab.actas.ActAsViewModel;
import dev.kmslab.engine.error.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class GrantsViewModelTest {

    private final LabFixture lab = new LabFixture();
    private final String account = lab.engine.account();
    private final String keyAdmin = "arn:aws:iam::" + account + ":role/KeyAdmin";
    private final dev.kmslab.ui.common.ScriptedDialogs dialogs = new dev.kmslab.ui.common.ScriptedDialogs();
    private GrantsViewModel grants;
    private String keyId;

    @BeforeEach
    void setUp() {
        new ActAsViewModel(lab.session);
        grants = new GrantsViewModel(lab.session, dialogs);
        keyId = lab.key(null);
        lab.session.selectedKeyIdProperty().set(keyId);
    }

    private GrantForm form(String constraints, boolean equals, String retiring) {
        return new GrantForm(keyAdmin, List.of("Encrypt", "Decrypt"), constraints, equals, retiring, "lab");
    }

    @Test
    void create_showsIdAndToken_andListsTheGrant() {
        grants.create(form("Department=Finance", false, "arn:aws:iam::" + account + ":root"));
        assertThat(grants.errorProperty().get()).isNull();
        assertThat(grants.createdGrantIdProperty().get()).isNotEmpty();
        assertThat(grants.createdGrantTokenProperty().get()).isNotEmpty();
        assertThat(grants.rows()).hasSize(1);
        GrantRow row = grants.rows().get(0);
        assertThat(row.grantId()).isEqualTo(grants.createdGrantIdProperty().get());
        assertThat(row.grantee()).isEqualTo(keyAdmin);
        assertThat(row.operationsText()).isEqualTo("Decrypt, Encrypt");
        assertThat(row.constraintsText()).isEqualTo("subset {Department=Finance}");
        assertThat(row.retiringText()).isEqualTo("arn:aws:iam::" + account + ":root");
        assertThat(row.nameText()).isEqualTo("lab");
    }

    @Test
    void theGrant_letsTheGranteeEncrypt_withItsTokenAtOnce_andOnlyInTheConstrainedContext() {
        grants.create(form("Department=Finance", true, ""));
        assertThat(grants.rows().get(0).constraintsText()).isEqualTo("equals {Department=Finance}");
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        Map<String, String> finance = Map.of("Department", "Finance");
        CallerContext withToken = new CallerContext(keyAdmin, java.util.Optional.empty(),
                List.of(grants.createdGrantTokenProperty().get()));
        assertThat(lab.engine.encrypt(withToken, EncryptRequest.of(keyId, hello, finance)).ciphertextBlob())
                .isNotEmpty();
        CallerContext admin = CallerContext.of(keyAdmin);
        assertThatThrownBy(() -> lab.engine.encrypt(admin, EncryptRequest.of(keyId, hello, finance)))
                .as("not yet propagated, no token").isInstanceOf(AccessDeniedException.class);
        lab.engine.advanceClock(Duration.ofMinutes(1));
        assertThat(lab.engine.encrypt(admin, EncryptRequest.of(keyId, hello, finance)).ciphertextBlob())
                .isNotEmpty();
        assertThatThrownBy(() -> lab.engine.encrypt(admin, EncryptRequest.of(keyId, hello, Map.of())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void actingAsTheGranteeWithTheToken_letsItsCallsUseTheGrantAtOnce() {
        grants.create(form("", false, ""));
        grants.actAsGranteeWithToken();
        CallerContext caller = lab.session.caller();
        assertThat(caller.principalArn()).isEqualTo(keyAdmin);
        assertThat(caller.grantTokens()).containsExactly(grants.createdGrantTokenProperty().get());
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        assertThat(lab.engine.encrypt(caller, EncryptRequest.of(keyId, hello, Map.of())).ciphertextBlob())
                .isNotEmpty();
        assertThat(grants.statusProperty().get()).startsWith("Acting as " + keyAdmin + " with the new grant's token");
    }

    @Test
    void revoke_cancelledKeepsTheGrant_confirmedRemovesIt() {
        grants.create(form("", false, ""));
        String grantId = grants.rows().get(0).grantId();
        dialogs.willCancel().willConfirm();
        grants.askToRevoke(grants.rows().get(0));
        assertThat(grants.rows()).extracting(GrantRow::grantId).containsExactly(grantId);
        grants.askToRevoke(grants.rows().get(0));
        assertThat(dialogs.asked()).extracting(q -> q.title() + " / " + q.confirmLabel())
                .containsExactly("Revoke grant " + grantId + "? / Revoke", "Revoke grant " + grantId + "? / Revoke");
        assertThat(grants.rows()).isEmpty();
        assertThat(grants.statusProperty().get()).startsWith("Revoked grant");
        assertThat(lab.engine.listGrants(lab.root, ListGrantsRequest.of(keyId)).grants()).isEmpty();
    }

    @Test
    void retire_byTheRetiringPrincipal_removesTheGrant() {
        grants.create(form("", false, "arn:aws:iam::" + account + ":root"));
        grants.retire(grants.rows().get(0));
        assertThat(grants.errorProperty().get()).isNull();
        assertThat(grants.rows()).isEmpty();
    }

    @Test
    void retire_bySomeoneTheGrantDoesNotName_isAccessDenied() {
        grants.create(form("", false, keyAdmin));
        GrantRow row = grants.rows().get(0);
        lab.session.callerProperty().set(CallerContext.of("arn:aws:iam::" + account + ":role/App"));
        grants.retire(row);
        assertThat(grants.errorProperty().get().code()).isEqualTo("AccessDeniedException");
    }

    @Test
    void noOperations_isTheEnginesValidationError() {
        grants.create(new GrantForm(keyAdmin, List.of(), "", false, "", ""));
        assertThat(grants.errorProperty().get().code()).isEqualTo("ValidationException");
        assertThat(grants.rows()).isEmpty();
    }

    @Test
    void badConstraints_areAnInlineError() {
        grants.create(form("Department", false, ""));
        assertThat(grants.errorProperty().get().message()).startsWith("Constraints: ");
    }

    @Test
    void theGrantOperationsOffered_areTheApiNames() {
        assertThat(GrantsViewModel.OPERATIONS).contains("Decrypt", "Encrypt", "GenerateDataKey", "RetireGrant",
                "CreateGrant", "DescribeKey");
    }
}
