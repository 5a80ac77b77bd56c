package dev.kmslab.ui.keylab.grants;

import dev.kmslab.engine.model.GrantListEntry;
import dev.kmslab.engine.model.GrantConstraints;
import java.util.Map;
import java.util.stream.Collectors;

/** A grant as the table shows it. */
public record GrantRow(GrantListEntry entry) {

    public String grantId() {
        return entry.grantId();
    }

    public String grantee() {
        return entry.granteePrincipal();
    }

    public String operationsText() {
        return String.join(", ", entry.operations());
    }

    /** e.g. {@code subset {Department=Finance}}; empty when the grant has no constraints. */
    public String constraintsText() {
        GrantConstraints c = entry.constraints();
        if (c == null || c.isEmpty()) {
            return "";
        }
        return !c.encryptionContextEquals().isEmpty() ? "equals " + pairs(c.encryptionContextEquals())
                : "subset " + pairs(c.encryptionContextSubset());
    }

    public String retiringText() {
        return entry.retiringPrincipal() == null ? "" : entry.retiringPrincipal();
    }

    public String nameText() {
        return entry.name() == null ? "" : entry.name();
    }

    private static String pairs(Map<String, String> map) {
        return map.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }
}
