package dev.kmslab.ui;

/**
 * Names for JUnit's parallel run (see {@code src/test/resources/junit-platform.properties}): test classes run two at
 * a time, and every class of UI tests holds {@link #JAVAFX}, so UI test classes still run one after another.
 */
public final class UiTests {

    /** The JavaFX toolkit, its windows, and the robot's one mouse and keyboard. */
    public static final String JAVAFX = "dev.kmslab.javafx";

    private UiTests() {
    }
}
