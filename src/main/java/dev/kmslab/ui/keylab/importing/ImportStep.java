package dev.kmslab.ui.keylab.importing;

/** The import wizard's pages, in order. */
public enum ImportStep {
    PARAMETERS("1 · Wrapping key and token"),
    MATERIAL("2 · Key material, wrapped"),
    IMPORT("3 · ImportKeyMaterial"),
    USE("4 · Use it");

    private final String title;

    ImportStep(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
