package dev.kmslab.ui.keylab.policies;

import dev.kmslab.engine.model.SimulationRequest;
import dev.kmslab.engine.policy.Decision;
import dev.kmslab.engine.policy.KmsActions;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabError;
import dev.kmslab.ui.keylab.actas.PrincipalCatalog;
import dev.kmslab.ui.keylab.actas.PrincipalChoice;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The policy simulator: would this principal be allowed this action on the selected key with this encryption context
 * (and, optionally, calling through an AWS service)? Answers with the engine's own evaluation — key policy, IAM
 * policies and grants — without making the call and without an audit event.
 */
public final class SimulatorViewModel {

    private final KeyLabSession session;
    private final Consumer<Decision> onDecision;
    private final ObservableList<PrincipalChoice> principals = FXCollections.observableArrayList();
    private final ObservableList<String> actions = FXCollections.observableArrayList(KmsActions.ALL);
    private final javafx.beans.property.ReadOnlyStringWrapper principalArn = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final StringProperty action = new SimpleStringProperty("kms:Encrypt");
    private final StringProperty context = new SimpleStringProperty("");
    private final StringProperty viaService = new SimpleStringProperty("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<Decision> decision = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper allowed = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper verdict = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyStringWrapper explanation = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<LabError> error = new javafx.beans.property.ReadOnlyObjectWrapper<>();

    /** @param onDecision told of every answer, so the editor can mark the deciding statement */
    public SimulatorViewModel(KeyLabSession session, Consumer<Decision> onDecision) {
        this.session = session;
        this.onDecision = onDecision;
        session.revisionProperty().addListener((obs, was, now) -> reloadPrincipals());
        session.selectedKeyIdProperty().addListener((obs, was, now) -> clear());
        reloadPrincipals();
    }

    public void reloadPrincipals() {
        if (session.engine() == null) {
            return;
        }
        session.call(PrincipalCatalog::load, loaded -> {
            if (!loaded.equals(principals)) {
                principals.setAll(loaded);
            }
            if (principalArn.get().isEmpty() && session.caller() != null) {
                principalArn.set(session.caller().principalArn());
            }
        }, error::set);
    }

    public void simulate() {
        String keyId = session.selectedKeyIdProperty().get();
        Map<String, String> pairs;
        try {
            pairs = ContextPairs.parse(context.get());
        } catch (IllegalArgumentException e) {
            error.set(new LabError("ValidationException", "Encryption context: " + e.getMessage(),
                    "Write the context as key=value pairs separated by commas."));
            return;
        }
        String via = viaService.get().trim();
        SimulationRequest request = new SimulationRequest(principalArn.get().trim(), action.get(), keyId, pairs,
                via.isEmpty() ? Optional.empty() : Optional.of(via), List.of(), Map.of());
        session.call(engine -> engine.simulate(request), this::show, e -> {
            clear();
            error.set(e);
        });
    }

    private void show(Decision d) {
        error.set(null);
        decision.set(d);
        allowed.set(d.allowed());
        verdict.set(d.allowed() ? "Allowed" : "Denied");
        explanation.set(d.explain());
        onDecision.accept(d);
    }

    private void clear() {
        decision.set(null);
        verdict.set("");
        explanation.set("");
    }

    public ObservableList<PrincipalChoice> principals() {
        return principals;
    }

    public ObservableList<String> actions() {
        return actions;
    }

    /** The principal to ask about; starts as the one the lab acts as. */
    public javafx.beans.property.ReadOnlyStringProperty principalArnProperty() {
        return principalArn.getReadOnlyProperty();
    }

    /** The principal whose call is simulated. */
    public void setPrincipalArn(String value) {
        principalArn.set(value);
    }

    public StringProperty actionProperty() {
        return action;
    }

    /** Encryption context as {@code key=value, key2=value2}. */
    public StringProperty contextProperty() {
        return context;
    }

    /** kms:ViaService, e.g. {@code s3.us-east-1.amazonaws.com}; blank for a direct call. */
    public StringProperty viaServiceProperty() {
        return viaService;
    }

    public ReadOnlyObjectProperty<Decision> decisionProperty() {
        return decision.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty allowedProperty() {
        return allowed.getReadOnlyProperty();
    }

    /** "Allowed", "Denied", or empty before the first answer. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabError> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
