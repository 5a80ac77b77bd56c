package dev.kmslab.ui.keylab.grants;

import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.GrantConstraints;
import dev.kmslab.ui.keylab.policies.ContextPairs;
import java.util.List;
import java.util.Map;

/**
 * What the create-grant form holds, as plain values.
 *
 * @param constraints       encryption context pairs, {@code key=value, ...}; blank for none
 * @param constraintsEquals true for EncryptionContextEquals, false for EncryptionContextSubset
 */
public record GrantForm(String grantee, List<String> operations, String constraints, boolean constraintsEquals,
                        String retiringPrincipal, String name) {

    public GrantForm {
        operations = List.copyOf(operations);
    }

    /** @throws IllegalArgumentException when the constraint pairs cannot be read */
    public CreateGrantRequest toRequest(String keyId) {
        Map<String, String> pairs = ContextPairs.parse(constraints);
        GrantConstraints c = pairs.isEmpty() ? null
                : constraintsEquals ? GrantConstraints.equalTo(pairs) : GrantConstraints.subset(pairs);
        return new CreateGrantRequest(keyId, blankToNull(grantee), blankToNull(retiringPrincipal), operations, c,
                null, blankToNull(name));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
