package dev.kmslab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Command-line options of the desktop app. */
public record StartupOptions(Optional<String> dataDir, boolean startupProbe, List<String> unknown) {

    public static StartupOptions parse(List<String> args) {
        Optional<String> dataDir = Optional.empty();
        boolean probe = false;
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--data-dir") && i + 1 < args.size()) {
                dataDir = Optional.of(args.get(++i));
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Optional.of(arg.substring("--data-dir=".length()));
            } else if (arg.equals("--startup-probe")) {
                probe = true;
            } else {
                unknown.add(arg);
            }
        }
        return new StartupOptions(dataDir, probe, List.copyOf(unknown));
    }
}
