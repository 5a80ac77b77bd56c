package dev.kmslab;

import javafx.application.Application;

/**
 * Plain entry point for the runnable jar. The JVM refuses to start a main class that extends {@link Application}
 * when JavaFX sits on the class path, so this class (which does not) launches it.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }
}
