package dev.kmslab.ui.keylab.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.LabFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class KeysViewModelTest {

    private final LabFixture lab = new LabFixture();
    private final KeysViewModel keys = new KeysViewModel(lab.session);

    private CreateKeyForm form(String alias, List<Tag> tags, boolean rotation, int days) {
        return new CreateKeyForm("orders", KeyUsage.ENCRYPT_DECRYPT, KeySpec.SYMMETRIC_DEFAULT, OriginType.AWS_KMS,
                tags, alias, rotation, days);
    }

    @Test
    void create_withAliasTagsAndRotation_showsTheKeySelected() {
        keys.create(form("orders", List.of(new Tag("team", "shop")), true, 180));
        assertThat(keys.rows()).hasSize(1);
        KeyRow row = keys.rows().get(0);
        assertThat(row.aliases()).containsExactly("alias/orders");
        assertThat(row.tags()).containsExactly(new Tag("team", "shop"));
        assertThat(row.rotationText()).isEqualTo("Every 180 days");
        assertThat(row.nextRotation()).isEqualTo(LabFixture.START.plus(java.time.Duration.ofDays(180)));
        assertThat(row.metadata().description()).isEqualTo("orders");
        assertThat(keys.selectedProperty().get()).isEqualTo(row);
        assertThat(lab.session.selectedKeyIdProperty().get()).isEqualTo(row.keyId());
        assertThat(keys.statusProperty().get()).isEqualTo("Created key alias/orders.");
        assertThat(keys.errorProperty().get()).isNull();
    }

    @Test
    void create_anAsymmetricSigningKey_andAKeyAwaitingImport() {
        keys.create(new CreateKeyForm("", KeyUsage.SIGN_VERIFY, KeySpec.ECC_NIST_P256, OriginType.AWS_KMS,
                List.of(), "signer", false, 365));
        keys.create(new CreateKeyForm("", KeyUsage.ENCRYPT_DECRYPT, KeySpec.SYMMETRIC_DEFAULT, OriginType.EXTERNAL,
                List.of(), "byok", false, 365));
        assertThat(keys.rows()).extracting(r -> r.metadata().keySpec(), r -> r.metadata().keyState())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(KeySpec.ECC_NIST_P256, KeyState.Enabled),
                        org.assertj.core.groups.Tuple.tuple(KeySpec.SYMMETRIC_DEFAULT, KeyState.PendingImport));
        assertThat(keys.errorProperty().get()).isNull();
    }

    @Test
    void create_aSpecThatDoesNotFitTheUsage_showsTheEngineError() {
        keys.create(new CreateKeyForm("", KeyUsage.ENCRYPT_DECRYPT, KeySpec.HMAC_256, OriginType.AWS_KMS,
                List.of(), "", false, 365));
        assertThat(keys.rows()).isEmpty();
        assertThat(keys.errorProperty().get().code()).isIn("ValidationException", "InvalidKeyUsageException");
    }

    @Test
    void create_whenTheAliasIsTaken_keepsTheKey_andReportsTheAliasError() {
        lab.key("alias/orders");
        keys.create(form("alias/orders", List.of(), false, 365));
        assertThat(keys.rows()).hasSize(2);
        assertThat(keys.errorProperty().get().code()).isEqualTo("AlreadyExistsException");
        assertThat(keys.statusProperty().get()).startsWith("Created key ").endsWith("but a follow-up step failed:");
    }

    @Test
    void searchAndStateFilter_narrowTheVisibleRows() {
        String a = lab.key("alias/orders");
        lab.key("alias/payments");
        keys.select(keys.row(a));
        keys.disable();
        keys.searchProperty().set("PAY");
        assertThat(keys.visibleRows()).extracting(KeyRow::aliasText).containsExactly("alias/payments");
        keys.searchProperty().set("");
        keys.stateFilterProperty().set(KeyState.Disabled);
        assertThat(keys.visibleRows()).extracting(KeyRow::keyId).containsExactly(a);
        keys.stateFilterProperty().set(null);
        assertThat(keys.visibleRows()).hasSize(2);
    }

    @Test
    void stateActions_followTheKeyLifecycle() {
        String id = lab.key(null);
        keys.select(keys.row(id));
        keys.disable();
        assertThat(keys.selectedProperty().get().state()).isEqualTo(KeyState.Disabled);
        keys.enable();
        assertThat(keys.selectedProperty().get().state()).isEqualTo(KeyState.Enabled);
        keys.scheduleDeletion(7);
        KeyRow pending = keys.selectedProperty().get();
        assertThat(pending.state()).isEqualTo(KeyState.PendingDeletion);
        assertThat(pending.metadata().deletionDate()).isEqualTo(LabFixture.START.plus(java.time.Duration.ofDays(7)));
        assertThat(keys.statusProperty().get()).startsWith("Deletion scheduled for 2026-03-08 10:00 UTC");
        keys.cancelDeletion();
        assertThat(keys.selectedProperty().get().state()).isEqualTo(KeyState.Disabled);
    }

    @Test
    void scheduleDeletion_outsideSevenToThirtyDays_isAValidationError() {
        String id = lab.key(null);
        keys.select(keys.row(id));
        keys.scheduleDeletion(6);
        assertThat(keys.errorProperty().get().code()).isEqualTo("ValidationException");
        assertThat(keys.selectedProperty().get().state()).isEqualTo(KeyState.Enabled);
    }

    @Test
    void aliasesTagsAndDescription_canBeEdited() {
        String id = lab.key(null);
        keys.select(keys.row(id));
        keys.addAlias("billing");
        keys.addTag("env", "dev");
        keys.updateDescription("for bills");
        KeyRow row = keys.selectedProperty().get();
        assertThat(row.aliases()).containsExactly("alias/billing");
        assertThat(row.tags()).containsExactly(new Tag("env", "dev"));
        assertThat(row.metadata().description()).isEqualTo("for bills");
        keys.removeAlias("alias/billing");
        keys.removeTag("env");
        row = keys.selectedProperty().get();
        assertThat(row.aliases()).isEmpty();
        assertThat(row.tags()).isEmpty();
    }

    @Test
    void anInvalidAlias_showsTheAwsErrorAndWhatItMeans() {
        String id = lab.key(null);
        keys.select(keys.row(id));
        keys.addAlias("alias/aws/mine");
        assertThat(keys.errorProperty().get().code()).isEqualTo("InvalidAliasNameException");
        assertThat(keys.errorProperty().get().message()).startsWith("Alias names starting with alias/aws/ are reserved");
        assertThat(keys.errorProperty().get().meaning()).contains("may not start with alias/aws/");
        assertThat(keys.selectedProperty().get().aliases()).isEmpty();
    }

    @Test
    void parseTags_readsKeyValueLines_andNamesABadLine() {
        assertThat(CreateKeyForm.parseTags("a=1\n\n b = two \nc=")).containsExactly(new Tag("a", "1"),
                new Tag("b", "two"), new Tag("c", ""));
        assertThatThrownBy(() -> CreateKeyForm.parseTags("a=1\noops")).hasMessage(
                "Tag line 2 needs the form key=value: oops");
    }

    @Test
    void deletionWarning_saysWhatIsLost() {
        assertThat(KeysViewModel.deletionWarning(7)).contains("After 7 days").contains("never be decrypted again")
                .contains("cancel");
    }
}
