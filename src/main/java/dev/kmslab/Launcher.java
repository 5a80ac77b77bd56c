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
        // Headless endpoint: dispatched before anything touches JavaFX, so it runs without a display.
        // From the installed launcher (a C1-only JVM) it runs in a second JVM with the full JIT: see ServeJit.
        if (args.length > 0 && args[0].equals("serve")) {
            java.util.OptionalInt served = ServeJit.relaunch(java.util.Arrays.copyOfRange(args, 1, args.length));
            if (served.isPresent()) {
                System.exit(served.getAsInt());
            }
            ServeJit.watchParent();
            dev.kmslab.server.ServeCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        java.util.OptionalInt relaunched = FastStart.relaunch(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.getAsInt());
        }
        // One app per data folder: a second start hands its file to the running app and ends here.
        OneAppPerFolder.enter(java.util.Arrays.asList(args));
        // Settings and study content start loading now, while the JavaFX toolkit starts on this thread.
        StartupPreload.begin(java.util.Arrays.asList(args));
        Application.launch(App.class, args);
    }
}
