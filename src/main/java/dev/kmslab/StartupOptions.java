package dev.kmslab;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Command-line options of the desktop app. Every argument that is not an option is a file to open (a question pack
 * or a lab: what a file manager passes on a double-click, as a path or as a {@code file:} URI; a selection of several
 * files opened together arrives as several arguments, the menu entry's {@code %F}), in the order given.
 */
public record StartupOptions(Optional<String> dataDir, boolean startupProbe, List<Path> openFiles,
        List<String> unknown) {

    public StartupOptions {
        openFiles = List.copyOf(openFiles);
        unknown = List.copyOf(unknown);
    }

    /** The first file to open, if any. */
    public Optional<Path> openFile() {
        return openFiles.stream().findFirst();
    }

    public static StartupOptions parse(List<String> args) {
        Optional<String> dataDir = Optional.empty();
        boolean probe = false;
        List<Path> files = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--data-dir") && i + 1 < args.size()) {
                dataDir = Optional.of(args.get(++i));
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Optional.of(arg.substring("--data-dir=".length()));
            } else if (arg.equals("--startup-probe")) {
                probe = true;
            } else if (!arg.isEmpty() && !arg.startsWith("-")) {
                files.add(file(arg));
            } else {
                unknown.add(arg);
            }
        }
        return new StartupOptions(dataDir, probe, files, unknown);
    }

    /** A path as given, or the file a {@code file:} URI names; a name the platform cannot hold stays as typed. */
    private static Path file(String arg) {
        if (arg.startsWith("file:")) {
            try {
                return Path.of(URI.create(arg));
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                // not a valid URI: treated as a (strange) file name below, and reported as missing when opened
            }
        }
        try {
            return Path.of(arg);
        } catch (InvalidPathException e) {
            return Path.of(arg.replace('\0', '_'));
        }
    }
}
