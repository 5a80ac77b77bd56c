package dev.kmslab.server;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the {@code serve} tests share: writing an input file and starting {@code serve} on a free port. */
final class ServeRuns {

    private ServeRuns() {
    }

    static Path file(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** {@code serve --port 0 --data-dir <dir>/data <args>}, printing into {@code printed}. */
    static KmsHttpServer serve(Path dir, ByteArrayOutputStream printed, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--port", "0", "--data-dir", dir.resolve("data").toString()));
        all.addAll(List.of(args));
        return ServeCommand.run(ServeCommand.Options.parse(all), new PrintStream(printed, true,
                StandardCharsets.UTF_8));
    }
}
