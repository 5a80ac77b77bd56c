package dev.kmslab.ui.keylab.policies;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.GetKeyPolicyRequest;
import dev.kmslab.engine.model.PutKeyPolicyRequest;
import dev.kmslab.engine.policy.Decision;
import dev.kmslab.engine.policy.PolicyKind;
import dev.kmslab.engine.policy.PolicyParser;
import dev.kmslab.engine.policy.PolicyValidationException;
import dev.kmslab.engine.policy.StatementTrace;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabError;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The key-policy editor for the key selected in the session: loads the policy with GetKeyPolicy, validates the text
 * with the engine's own parser as it is edited, fills in templates, saves with PutKeyPolicy, and marks ranges of the
 * text for the view to show — the line of a validation error or the statement that decided a simulation.
 */
public final class PolicyEditorViewModel {

    private final KeyLabSession session;
    private final StringProperty text = new SimpleStringProperty("");
    private final javafx.beans.property.ReadOnlyStringWrapper saved = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyStringWrapper keyArn = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<PolicyProblem> problem = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyStringWrapper validity = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<TextRange> highlight = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final BooleanProperty bypassLockoutCheck = new SimpleBooleanProperty();
    private final javafx.beans.property.ReadOnlyStringWrapper status = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<LabError> error = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    // Loads run on worker threads and may finish out of order; only the newest one is shown.
    private int loads;
    private final BooleanBinding dirty = Bindings.createBooleanBinding(() -> !text.get().equals(saved.get()), text,
            saved);

    public PolicyEditorViewModel(KeyLabSession session) {
        this.session = session;
        session.selectedKeyIdProperty().addListener((obs, was, now) -> load());
        session.engineProperty().addListener((obs, was, now) -> load());
        load();
    }

    /** Reads the selected key's policy into the editor, discarding unsaved edits. */
    public void load() {
        String keyId = session.selectedKeyIdProperty().get();
        if (keyId == null || session.engine() == null) {
            return;
        }
        int load = ++loads;
        dev.kmslab.engine.CallerContext caller = session.caller();
        session.call(engine -> read(engine, caller, keyId), loaded -> {
            if (load != loads) {
                return;
            }
            keyArn.set(loaded[0]);
            saved.set(loaded[1]);
            text.set(loaded[1]);
            status.set("Loaded the key policy of " + loaded[0] + ".");
            error.set(null);
            validate();
        }, this::failed);
    }

    private static String[] read(KmsEngine engine, dev.kmslab.engine.CallerContext caller, String keyId) {
        String arn = engine.describeKey(caller, new DescribeKeyRequest(keyId)).keyMetadata().arn();
        String policy = engine.getKeyPolicy(caller, GetKeyPolicyRequest.of(keyId)).policy();
        return new String[] {arn, policy};
    }

    /**
     * Parses the text as a key policy with the engine's parser. Cheap (policies are at most 32 KB), so the view calls
     * it a moment after each edit.
     */
    public void validate() {
        try {
            int statements = PolicyParser.parse(text.get(), PolicyKind.KEY_POLICY).statements().size();
            problem.set(null);
            validity.set("Valid key policy: " + statements + (statements == 1 ? " statement." : " statements."));
        } catch (PolicyValidationException e) {
            problem.set(PolicyProblem.of(e));
            validity.set(problem.get().message());
        }
    }

    /** Replaces the text with a template filled in for the selected key. */
    public void applyTemplate(PolicyTemplates.Template template) {
        KmsEngine engine = session.engine();
        if (template == null || engine == null) {
            return;
        }
        String arn = keyArn.get().isEmpty() ? "*" : keyArn.get();
        text.set(template.render(new PolicyTemplates.Inputs(engine.account(), engine.region(), arn)));
        status.set("Template \"" + template.name() + "\" inserted. Save to make it the key policy.");
        validate();
    }

    /** PutKeyPolicy with the editor's text; the lockout safety check runs unless bypassed. */
    public void save() {
        String keyId = session.selectedKeyIdProperty().get();
        if (keyId == null) {
            return;
        }
        String policy = text.get();
        boolean bypass = bypassLockoutCheck.get();
        dev.kmslab.engine.CallerContext caller = session.caller();
        session.mutate(engine -> {
            engine.putKeyPolicy(caller, new PutKeyPolicyRequest(keyId, "default", policy, bypass));
            return policy;
        }, stored -> {
            saved.set(stored);
            error.set(null);
            status.set("Saved with PutKeyPolicy. The new policy applies to the next request.");
        }, e -> {
            failed(e);
            validate();
            showProblem(); // the learner just clicked Save, so selecting the faulty line interrupts no typing
        });
    }

    /** Marks the line of the current validation error, if any. */
    public void showProblem() {
        PolicyProblem p = problem.get();
        if (p != null) {
            mark(PolicyText.line(text.get(), p.line()));
        }
    }

    /**
     * Marks the key policy statement that decided a simulation, when the editor shows the saved policy the simulator
     * judged. Returns whether it could.
     */
    public boolean showDecidingStatement(Decision decision) {
        StatementTrace deciding = decision.decidingStatement();
        if (deciding == null || deciding.kind() != PolicyKind.KEY_POLICY
                || !deciding.statement().position().known()) {
            highlight.set(null);
            return false;
        }
        if (dirty.get()) {
            // The simulator judged the saved policy; line numbers in an unsaved draft may point elsewhere.
            status.set("Deciding statement: " + deciding.reference() + " of the saved policy. Save or reload "
                    + "your edits to see it marked here.");
            return false;
        }
        mark(PolicyText.objectLines(saved.get(), deciding.statement().position().line(),
                deciding.statement().position().column()));
        return true;
    }

    // Cleared first, so marking the same range again still tells the view.
    private void mark(TextRange range) {
        highlight.set(null);
        highlight.set(range);
    }

    private void failed(LabError e) {
        status.set("");
        error.set(e);
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty savedTextProperty() {
        return saved.getReadOnlyProperty();
    }

    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public ReadOnlyStringProperty keyArnProperty() {
        return keyArn.getReadOnlyProperty();
    }

    /** The current validation error, or null when the text parses. */
    public ReadOnlyObjectProperty<PolicyProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** "Valid key policy: 2 statements." or the problem's message. */
    public ReadOnlyStringProperty validityProperty() {
        return validity.getReadOnlyProperty();
    }

    /** The range the view should select and scroll to; null for none. */
    public ReadOnlyObjectProperty<TextRange> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    public BooleanProperty bypassLockoutCheckProperty() {
        return bypassLockoutCheck;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabError> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
