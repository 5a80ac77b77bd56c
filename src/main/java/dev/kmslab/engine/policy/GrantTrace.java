package dev.kmslab.engine.policy;

/**
 * How one grant fared: it applies when it names the caller, allows the operation, its constraints hold and it is in
 * force (token presented, or propagated).
 */
public record GrantTrace(Grant grant, boolean granteeMatches, boolean operationAllowed, boolean constraintsMet,
                         boolean tokenPresented, boolean effective, boolean applies) {

    public String reference() {
        String name = grant.name() == null ? "" : " \"" + grant.name() + "\"";
        return "grant " + grant.grantId() + name;
    }
}
