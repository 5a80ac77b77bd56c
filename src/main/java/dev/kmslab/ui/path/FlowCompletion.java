package dev.kmslab.ui.path;

import dev.kmslab.flow.FlowCatalogue;
import dev.kmslab.ui.flows.FlowsViewModel;
import java.util.function.Consumer;

/**
 * Tells when a catalogue flow was played to its end: the player reached the last step by playing or stepping from the
 * one before it. Jumping straight to the end skips the story, so it does not count; flows built from an audit event
 * are not in the catalogue and are not part of any path.
 */
public final class FlowCompletion {

    private FlowCompletion() {
    }

    public static void watch(FlowsViewModel flows, Consumer<String> finished) {
        flows.player().indexProperty().addListener((obs, was, now) -> {
            var flow = flows.player().flowProperty().get();
            String id = flows.openFlowIdProperty().get();
            if (flow == null || id == null || FlowCatalogue.find(id).isEmpty()) {
                return;
            }
            int last = flow.steps().size() - 1;
            boolean arrivedStepByStep = now.intValue() == last && was.intValue() == last - 1;
            if (arrivedStepByStep) {
                finished.accept(id);
            }
        });
    }
}
