package dev.kmslab.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Before an .msi: WiX 3's candle.exe and light.exe, on the PATH or where its installer puts them, else a clear error. */
class WixCheckTest {

    static final String MISSING = "WiX Toolset 3 not found: jpackage (JDK 17) builds the .msi with candle.exe and"
            + " light.exe, and neither the PATH nor a \"WiX Toolset v3.*\\bin\" folder under Program Files has both."
            + " Install WiX Toolset 3.x (https://wixtoolset.org; WiX 4 and later have no candle.exe or light.exe), add"
            + " its bin folder to the PATH, open a new terminal and run mvn -Ppackage package again.";

    @TempDir
    Path dir;

    @Test
    void noWix_saysWhatToInstall() throws IOException {
        Path tools = Files.createDirectories(dir.resolve("tools"));

        assertThat(WixCheck.problem(tools.toString(), List.of(dir.resolve("Program Files")))).isEqualTo(MISSING);
        assertThat(WixCheck.problem(null, List.of())).isEqualTo(MISSING);
    }

    @Test
    void bothToolsInOnePathFolder_isEnough() throws IOException {
        Path bin = tools(dir.resolve("wix/bin"), "candle.exe", "light.exe");
        String path = dir.resolve("elsewhere") + File.pathSeparator + bin;

        assertThat(WixCheck.problem(path, List.of())).isNull();
    }

    @Test
    void onlyCandle_orTheToolsInDifferentFolders_isNotEnough() throws IOException {
        Path one = tools(dir.resolve("one"), "candle.exe");
        Path two = tools(dir.resolve("two"), "light.exe");

        assertThat(WixCheck.problem(one.toString(), List.of())).isEqualTo(MISSING);
        assertThat(WixCheck.problem(one + File.pathSeparator + two, List.of())).isEqualTo(MISSING);
    }

    @Test
    void wixInstalledUnderProgramFiles_butNotOnThePath_isFound() throws IOException {
        Path programs = dir.resolve("Program Files (x86)");
        tools(programs.resolve("WiX Toolset v3.14/bin"), "candle.exe", "light.exe");

        assertThat(WixCheck.problem("", List.of(dir.resolve("Program Files"), programs))).isNull();
    }

    private static Path tools(Path folder, String... names) throws IOException {
        Files.createDirectories(folder);
        for (String name : names) {
            Files.writeString(folder.resolve(name), "");
        }
        return folder;
    }
}
