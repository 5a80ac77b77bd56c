package dev.kmslab.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every flow KMS Lab can record, in teaching order. Ids are stable: quiz questions refer to them in their {@code lab}
 * field.
 */
public final class FlowCatalogue {

    private static final List<FlowDefinition> ALL = build();

    private FlowCatalogue() {
    }

    private static List<FlowDefinition> build() {
        List<FlowDefinition> all = new ArrayList<>();
        all.addAll(BasicFlows.all());
        all.addAll(EnvelopeFlows.all());
        all.addAll(KeyLifecycleFlows.all());
        all.addAll(MultiRegionFlows.all());
        all.addAll(ServiceFlows.all());
        all.addAll(PolicyFlows.all());
        all.addAll(GrantFlows.all());
        all.addAll(AsymmetricFlows.all());
        all.addAll(CustomKeyStoreFlows.all());
        return List.copyOf(all);
    }

    public static List<FlowDefinition> all() {
        return ALL;
    }

    public static Optional<FlowDefinition> find(String id) {
        return ALL.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
