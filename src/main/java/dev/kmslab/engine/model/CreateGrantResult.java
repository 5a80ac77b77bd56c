package dev.kmslab.engine.model;

/** CreateGrant: the grant's id, and a grant token that makes it usable at once, before it has propagated. */
public record CreateGrantResult(String grantToken, String grantId) {

    /** The grant token is a credential, so it is left out. */
    @Override
    public String toString() {
        return "CreateGrantResult[grantId=" + grantId + ", grantToken=<hidden>]";
    }
}
