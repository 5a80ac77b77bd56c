package dev.kmslab.packaging;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Before the .msi: JDK 17's jpackage builds it with WiX Toolset 3's {@code candle.exe} and {@code light.exe}, which it
 * looks for on the PATH and in {@code <Program Files>\WiX Toolset v*\bin}; without them it fails late with a short
 * message. This looks in the same places first and says what to install.
 */
final class WixCheck {

    static final List<String> TOOLS = List.of("candle.exe", "light.exe");

    private WixCheck() {
    }

    /**
     * Null when both tools are in one folder on {@code path} (the PATH variable's value) or in a
     * {@code WiX Toolset v*\bin} folder of one of {@code programFolders}; else the error to print.
     */
    static String problem(String path, List<Path> programFolders) {
        List<Path> places = new ArrayList<>();
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    places.add(Path.of(entry.strip()));
                }
            }
        }
        for (Path programs : programFolders) {
            try (Stream<Path> dirs = Files.list(programs)) {
                dirs.filter(dir -> dir.getFileName().toString().startsWith("WiX Toolset v"))
                        .forEach(dir -> places.add(dir.resolve("bin")));
            } catch (IOException | RuntimeException e) {
                // a Program Files folder that is not there or not readable holds no WiX
            }
        }
        for (Path place : places) {
            if (TOOLS.stream().allMatch(tool -> Files.isRegularFile(place.resolve(tool)))) {
                return null;
            }
        }
        return "WiX Toolset 3 not found: jpackage (JDK 17) builds the .msi with candle.exe and light.exe, and neither"
                + " the PATH nor a \"WiX Toolset v3.*\\bin\" folder under Program Files has both. Install WiX Toolset"
                + " 3.x (https://wixtoolset.org; WiX 4 and later have no candle.exe or light.exe), add its bin folder to"
                + " the PATH, open a new terminal and run mvn -Ppackage package again.";
    }

    /** The check against this machine: its PATH and its Program Files folders. */
    static String problem() {
        List<Path> programs = new ArrayList<>();
        for (String variable : List.of("ProgramFiles", "ProgramFiles(x86)")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                programs.add(Path.of(value));
            }
        }
        return problem(System.getenv("PATH"), programs);
    }
}
