package dev.kmslab.ui.keylab.actas;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabError;
import java.util.List;
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
    private final ObjectProperty<PrincipalChoice> selected = new SimpleObjectProperty<>();
    private final StringProperty description = new SimpleStringProperty("");
    private final ObjectProperty<LabError> error = new SimpleObjectProperty<>();
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
        boolean seed = !seeded;
        seeded = true;
        session.executor().submit(() -> {
            if (seed) {
                DemoPrincipals.seedIfEmpty(engine);
            }
            return PrincipalCatalog.load(engine);
        }, this::show, e -> error.set(LabError.of(e)));
    }

    private void show(List<PrincipalChoice> loaded) {
        if (!loaded.equals(choices)) {
            choices.setAll(loaded);
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

    /** Acts as the principal with this ARN, if the directory has it (tests, tours). */
    public void actAs(String arn) {
        choices.stream().filter(c -> c.arn().equals(arn)).findFirst().ifPresent(this::actAs);
    }

    public ObservableList<PrincipalChoice> choices() {
        return choices;
    }

    public ReadOnlyObjectProperty<PrincipalChoice> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description;
    }

    public ReadOnlyObjectProperty<LabError> errorProperty() {
        return error;
    }
}
