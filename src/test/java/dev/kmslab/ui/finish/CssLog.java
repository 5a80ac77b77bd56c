package dev.kmslab.ui.finish;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what JavaFX logs about styling while a test runs: a style value of the wrong type (a ClassCastException
 * while converting a property), an unknown lookup, a stylesheet that does not parse. JavaFX only logs these and carries
 * on, so a broken rule is otherwise invisible until someone reads the console.
 */
public final class CssLog extends Handler implements AutoCloseable {

    private static final String[] LOGGERS = {"javafx.css", "javafx.scene", "javafx.scene.control"};

    private final List<String> messages = new ArrayList<>();
    private final List<Logger> attached = new ArrayList<>();

    /** Starts collecting; {@link #close()} stops. */
    public static CssLog attach() {
        CssLog log = new CssLog();
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            logger.addHandler(log);
            log.attached.add(logger);
        }
        log.setLevel(Level.WARNING);
        return log;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (record.getLevel().intValue() < Level.WARNING.intValue()) {
            return;
        }
        String text = record.getMessage();
        if (record.getParameters() != null && text != null) {
            text = java.text.MessageFormat.format(text, record.getParameters());
        }
        if (record.getThrown() != null) {
            text = text + " " + record.getThrown();
        }
        messages.add(record.getLoggerName() + ": " + text);
    }

    /** The warnings logged so far, each as {@code logger: message}. */
    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        for (Logger logger : attached) {
            logger.removeHandler(this);
        }
    }
}
