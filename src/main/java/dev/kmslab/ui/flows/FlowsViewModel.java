package dev.kmslab.ui.flows;

import dev.kmslab.flow.Flow;
import dev.kmslab.flow.FlowCatalogue;
import dev.kmslab.flow.FlowDefinition;
import dev.kmslab.flow.FlowRecorder;
import dev.kmslab.ui.common.UiExecutor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Flows section: the catalogue, the flow being recorded or played, and presenter mode. {@link #open} is the entry
 * point for the rest of the app (service map, quiz "see it", Key Lab): it records the flow on the executor, never on
 * the FX thread, and hands it to the player.
 */
public final class FlowsViewModel {

    private final FlowRecorder recorder;
    private final UiExecutor executor;
    private final FlowPlayerModel player = new FlowPlayerModel();
    private final javafx.beans.property.ReadOnlyStringWrapper openFlowId = new javafx.beans.property.ReadOnlyStringWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper recording = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper error = new javafx.beans.property.ReadOnlyStringWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper presenter = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyObjectWrapper<Optional<String>> keyId = new javafx.beans.property.ReadOnlyObjectWrapper<>(Optional.empty());
    private long generation;

    public FlowsViewModel(FlowRecorder recorder, UiExecutor executor) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public List<FlowDefinition> catalogue() {
        return FlowCatalogue.all();
    }

    /**
     * Records the flow (with the learner's key when given) and shows it in the player from its first step. An unknown
     * id or an unusable key is reported in {@link #errorProperty()}.
     */
    public void open(String flowId, Optional<String> key) {
        long mine = ++generation;
        openFlowId.set(flowId);
        keyId.set(key);
        error.set(null);
        recording.set(true);
        player.load(null);
        executor.submit(() -> recorder.record(flowId, key), flow -> {
            if (mine == generation) {
                recording.set(false);
                player.load(flow);
            }
        }, e -> {
            if (mine == generation) {
                recording.set(false);
                error.set("The flow could not be recorded: " + e.getMessage());
            }
        });
    }

    /** Shows a flow built elsewhere (for example from an audit-log event) without recording anything. */
    public void show(Flow flow) {
        ++generation;
        openFlowId.set(flow.id());
        keyId.set(Optional.empty());
        error.set(null);
        recording.set(false);
        player.load(flow);
    }

    /** Back to the catalogue. */
    public void close() {
        generation++;
        presenter.set(false);
        player.load(null);
        openFlowId.set(null);
        recording.set(false);
        error.set(null);
    }

    public Optional<Flow> flow() {
        return Optional.ofNullable(player.flowProperty().get());
    }

    public FlowPlayerModel player() {
        return player;
    }

    public javafx.beans.property.ReadOnlyStringProperty openFlowIdProperty() {
        return openFlowId.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty presenterProperty() {
        return presenter.getReadOnlyProperty();
    }

    /** Shows the player alone in the presenter window (true) or back in the section (false). */
    public void setPresenter(boolean value) {
        presenter.set(value);
    }

    public javafx.beans.property.ReadOnlyObjectProperty<Optional<String>> keyIdProperty() {
        return keyId.getReadOnlyProperty();
    }
}
