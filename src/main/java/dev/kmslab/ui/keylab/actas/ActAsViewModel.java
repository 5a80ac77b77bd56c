package dev.kmslab.ui.keylab.actas;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabError;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Act as": which principal every Key Lab call runs as. Choosing one sets the session's caller, so the other screens
 * reload as that principal and meet its AccessDeniedExceptions. The first time the lab opens with an empty IAM
 * directory it seeds {@link DemoPrincipals}.
 */
public final class ActAsViewModel {

    private final KeyLabSession session;
    private final ObservableList<PrincipalChoice> choices = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyObjectWrapper<PrincipalChoice> selected = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyStringWrapper description = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<LabError> error = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private boolean seeded;

    public ActAsViewModel(KeyLabSession session) {
        this.session = session;
        session.revisionProperty().addListener((obs, was, now) -> reload());
        session.callerProperty().addListener((obs, was, now) -> syncSelection());
        reload();
    }

    public void reload() {
        KmsEngine engine = session.engine();
        if (engine == null) {
            return;
        }
        // A lab's sandbox brings its own principals; the demo set is for the learner's own lab only.
        boolean seed = !seeded && !session.inSandbox();
        seeded = seeded || seed;
        session.executor().submit(() -> {
            if (seed) {
                DemoPrincipals.seedIfEmpty(engine);
            }
            return PrincipalCatalog.load(engine);
        }, this::show, e -> error.set(LabError.of(e)));
    }

    private void show(List<PrincipalChoice> loaded) {
        PrincipalChoice before = selected.get();
        if (!loaded.equals(choices)) {
            choices.setAll(loaded);
        }
        CallerContext caller = session.caller();
        boolean vanished = before != null && caller != null && before.arn().equals(caller.principalArn())
                && loaded.stream().noneMatch(c -> c.arn().equals(before.arn()));
        if (vanished && !loaded.isEmpty()) {
            // The principal acted as was deleted: act as its account's root (or the first principal) instead, and
            // say so, rather than leaving a blank chooser while calls still run as a principal that is gone.
            PrincipalChoice fallback = loaded.stream().filter(c -> "root".equals(c.kind())
                    && c.account().equals(before.account())).findFirst().orElse(loaded.get(0));
            session.callerProperty().set(CallerContext.of(fallback.arn()));
            syncSelection();
            description.set(before.label() + " no longer exists, so the lab acts as " + fallback.label()
                    + " now. " + fallback.description());
            return;
        }
        syncSelection();
    }

    private void syncSelection() {
        CallerContext caller = session.caller();
        String arn = caller == null ? null : caller.principalArn();
        PrincipalChoice match = choices.stream().filter(c -> c.arn().equals(arn)).findFirst().orElse(null);
        selected.set(match);
        description.set(match == null ? "" : match.description());
    }

    /** Acts as this principal from now on; every screen reloads as it. */
    public void actAs(PrincipalChoice choice) {
        if (choice == null || session.caller() != null && choice.arn().equals(session.caller().principalArn())) {
            return;
        }
        error.set(null);
        session.callerProperty().set(CallerContext.of(choice.arn()));
    }

    /**
     * The lab accounts whose keys the Key Lab can show (home first; empty when only one is open). Switching shows
     * that account's keys in every tab and acts as its root.
     */
    public ObservableList<String> accounts() {
        return session.accountChoices();
    }

    /** True when there is another account to switch to and no lab sandbox is shown. */
    public BooleanBinding accountSwitchable() {
        return Bindings.size(session.accountChoices()).greaterThan(1).and(session.sandboxLabelProperty().isEmpty());
    }

    /** The account whose keys are shown. */
    public ReadOnlyStringProperty accountProperty() {
        return session.accountProperty();
    }

    /** Shows {@code accountId}'s keys and acts as its root; ignored while a lab's sandbox is shown. */
    public void switchAccount(String accountId) {
        if (accountId == null || session.inSandbox() || accountId.equals(session.accountProperty().get())) {
            return;
        }
        error.set(null);
        session.accountProperty().set(accountId);
    }

    /** How the account chooser names an account: the id, and "home" or "Partner". */
    public static String accountLabel(String accountId, String homeAccount) {
        if (accountId == null) {
            return "";
        }
        if (accountId.equals(homeAccount)) {
            return accountId + " (home)";
        }
        return accountId + (DemoPrincipals.PARTNER_ACCOUNT.equals(accountId) ? " (Partner)" : "");
    }

    /** Acts as the principal with this ARN, if the directory has it (tests, tours). */
    public void actAs(String arn) {
        choices.stream().filter(c -> c.arn().equals(arn)).findFirst().ifPresent(this::actAs);
    }

    public ObservableList<PrincipalChoice> choices() {
        return choices;
    }

    public ReadOnlyObjectProperty<PrincipalChoice> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabError> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
