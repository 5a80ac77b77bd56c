package dev.kmslab;

import javafx.application.Application;

/**
 * Plain entry point for the runnable jar. The JVM refuses to start a main class that extends {@link Application}
 * when JavaFX sits on the class path, so this class (which does not) launches it.
 */
public final class Launcher {

    /**
     * The command a launcher runs whatever its arguments: the installed {@code kms-lab-serve} launcher sets
     * {@code -Dkmslab.command=serve} (jpackage's {@code arguments} apply only when none are given).
     */
    static final String COMMAND = "kmslab.command";

    private Launcher() {
    }

    /**
     * {@code serve}'s arguments when this start runs the endpoint, else null (the app): with {@code command} (the
     * {@value #COMMAND} property) {@code serve}, all of {@code args}; without it, those after a first {@code serve}.
     */
    static String[] serveArgs(String command, String[] args) {
        if (command != null) {
            if (!command.equals("serve")) {
                throw new IllegalArgumentException("-D" + COMMAND + "=" + command + ": the only command is serve");
            }
            return args.clone();
        }
        return args.length > 0 && args[0].equals("serve") ? java.util.Arrays.copyOfRange(args, 1, args.length) : null;
    }

    public static void main(String[] args) {
        // Headless endpoint: dispatched before anything touches JavaFX, so it runs without a display.
        // From the app's installed launcher (a C1-only JVM) it runs in a second JVM with the full JIT (see ServeJit);
        // the installed kms-lab-serve launcher's JVM has the full JIT and serves itself.
        String[] serveArgs;
        try {
            serveArgs = serveArgs(System.getProperty(COMMAND), args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (serveArgs != null) {
            java.util.OptionalInt served = ServeJit.relaunch(serveArgs);
            if (served.isPresent()) {
                System.exit(served.getAsInt());
            }
            ServeJit.watchParent();
            dev.kmslab.server.ServeCommand.main(serveArgs);
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
