package dev.kmslab.ui.keylab.importing;

/** The import wizard's pages, in order. */
public enum ImportStep {
    PARAMETERS("1 · Parameters"),
    MATERIAL("2 · Wrap material"),
    IMPORT("3 · Import"),
    USE("4 · Use and delete");

    private final String title;

    ImportStep(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
