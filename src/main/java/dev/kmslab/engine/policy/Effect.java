package dev.kmslab.engine.policy;

/** The Effect of a statement, spelled in JSON exactly {@code Allow} or {@code Deny}. */
public enum Effect {
    ALLOW("Allow"), DENY("Deny");

    private final String json;

    Effect(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
