package dev.kmslab.engine.model;

/** RetireGrant: by grant token, or by keyId (key id or key ARN) together with grantId. */
public record RetireGrantRequest(String grantToken, String keyId, String grantId) {

    public static RetireGrantRequest byToken(String grantToken) {
        return new RetireGrantRequest(grantToken, null, null);
    }

    public static RetireGrantRequest byId(String keyId, String grantId) {
        return new RetireGrantRequest(null, keyId, grantId);
    }

    @Override
    public String toString() {
        return "RetireGrantRequest[grantToken=" + (grantToken == null ? "null" : "<hidden>") + ", keyId=" + keyId
                + ", grantId=" + grantId + "]";
    }
}
