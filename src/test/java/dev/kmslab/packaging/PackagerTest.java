package dev.kmslab.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packager's steps, run here (Linux) for macOS and Windows against a stand-in JDK whose jdeps, jlink and jpackage
 * are shell scripts that log their arguments: which tools run, in which order, with which arguments, what they find
 * in place (the jar, the icon), and that a failing tool or a missing WiX stops the build. And on Linux, that the
 * packager runs jpackage.sh and passes on its exit code. The real jpackage runs only on Linux, in
 * {@code src/package/ci-package-check.sh}.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-in JDK tools are bash scripts")
class PackagerTest {

    @TempDir
    Path dir;
    private Path base;
    private Path target;
    private Path jdk;
    private Path log;

    @BeforeEach
    void project() throws IOException {
        base = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(base.resolve("src/package"));
        Files.copy(Path.of(PackagePlan.JVM_OPTIONS_FILE), base.resolve(PackagePlan.JVM_OPTIONS_FILE));
        Files.createDirectories(base.resolve(AppIcons.FOLDER));
        for (int size : List.of(16, 32, 64, 128, 256)) {
            String name = "kmslab-" + size + ".png";
            Files.copy(Path.of(AppIcons.FOLDER, name), base.resolve(AppIcons.FOLDER).resolve(name));
        }
        target = Files.createDirectories(base.resolve("target"));
        Files.writeString(target.resolve("kms-lab.jar"), "the jar");
        jdk = dir.resolve("jdk");
        log = dir.resolve("tools.log");
    }

    @Test
    void mac_jdepsJlinkAppImageDmg_inOrder_withThePlansArguments() throws IOException {
        fakeJdk("", 0);

        int exit = Packager.run(Os.MAC, jdk, base, target, "0.1.0-SNAPSHOT", () -> "WiX asked on macOS");

        PackagePlan plan = PackagePlan.of(Os.MAC, base, target, "0.1.0-SNAPSHOT");
        String modules = "java.base,java.desktop," + String.join(",", PackagePlan.EXTRA_MODULES);
        assertThat(exit).isZero();
        assertThat(Files.readAllLines(log)).containsExactly(
                line("jdeps", plan.jdeps()),
                "jar there: the jar",
                line("jlink", plan.jlink(modules)),
                line("jpackage", plan.appImageArgs()),
                "icon there: 69636e73",
                line("jpackage", plan.packageArgs()));
        assertThat(target.resolve("jpackage/kms-lab-1.1.0.dmg")).exists();
    }

    @Test
    void windows_checksWixFirst_thenBuildsTheMsi() throws IOException {
        fakeJdk(".exe", 0);

        int exit = Packager.run(Os.WINDOWS, jdk, base, target, "0.1.0-SNAPSHOT", () -> null);

        PackagePlan plan = PackagePlan.of(Os.WINDOWS, base, target, "0.1.0-SNAPSHOT");
        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(7);
        assertThat(lines.get(3)).isEqualTo(line("jpackage", plan.appImageArgs()));
        assertThat(lines.get(4)).isEqualTo("icon there: 00000100");
        assertThat(lines.get(5)).isEqualTo(line("jpackage", plan.packageArgs()));
        // The .msi step sees the image's launchers without kms-lab-serve, so it makes no shortcuts for it.
        assertThat(lines.get(6)).isEqualTo("state: <?xml version=\"1.0\" ?><jpackage-state version=\"17.0.15\""
                + " platform=\"windows\">  <main-launcher>kms-lab</main-launcher>  </jpackage-state>");
        assertThat(target.resolve("jpackage/kms-lab-0.1.0.msi")).exists();
        // The serve launcher's properties, which the app image's --add-launcher names, are written before it.
        assertThat(plan.serveLauncher()).hasContent(plan.serveLauncherText());
    }

    @Test
    void windows_withoutWix_stopsBeforeAnyToolRuns() throws IOException {
        fakeJdk(".exe", 0);

        assertThatThrownBy(() -> Packager.run(Os.WINDOWS, jdk, base, target, "0.1.0", () -> WixCheckTest.MISSING))
                .isInstanceOf(PackagingException.class)
                .hasMessage(WixCheckTest.MISSING);
        assertThat(log).doesNotExist();
    }

    @Test
    void failingTool_stopsTheBuild_namingTheStep() throws IOException {
        fakeJdk("", 3);

        assertThatThrownBy(() -> Packager.run(Os.MAC, jdk, base, target, "1.0.0", () -> null))
                .isInstanceOf(PackagingException.class)
                .hasMessage("jlink failed (exit 3); its output is above");
        assertThat(Files.readAllLines(log)).hasSize(3);
    }

    @Test
    void aJreWithoutJpackage_isNamed() throws IOException {
        Files.createDirectories(jdk.resolve("bin"));

        assertThatThrownBy(() -> Packager.run(Os.MAC, jdk, base, target, "1.0.0", () -> null))
                .isInstanceOf(PackagingException.class)
                .hasMessage("no jpackage in " + jdk + ": set JAVA_HOME to a JDK 17 or newer (a JRE has no jpackage)");
    }

    @Test
    void linux_runsJpackageSh_andPassesOnItsExitCode() throws IOException {
        Files.writeString(base.resolve("src/package/jpackage.sh"),
                "printf '%s\\n' \"$@\" > \"" + log + "\"\nexit 7\n");

        int exit = Packager.run(Os.LINUX, jdk, base, target, "0.1.0-SNAPSHOT", () -> "WiX asked on Linux");

        assertThat(exit).isEqualTo(7);
        assertThat(Files.readAllLines(log)).containsExactly(base.toString(), target.toString(), "0.1.0-SNAPSHOT");
    }

    private static String line(String tool, List<String> args) {
        List<String> words = new ArrayList<>(List.of(tool));
        words.addAll(args);
        return String.join(" ", words);
    }

    /**
     * jdeps, jlink and jpackage (with {@code suffix}, ".exe" for Windows) as scripts that log their arguments; jlink
     * exits with {@code jlinkExit}. jdeps also logs whether the jar is in place, jpackage whether the icon is, and
     * jpackage makes the folder or file a real one would.
     */
    private void fakeJdk(String suffix, int jlinkExit) throws IOException {
        Path bin = Files.createDirectories(jdk.resolve("bin"));
        String logIt = "echo \"$(basename \"$0\" " + suffix + ") $*\" >> \"" + log + "\"\n";
        script(bin.resolve("jdeps" + suffix), logIt
                + "echo \"jar there: $(cat \"${@: -1}\")\" >> \"" + log + "\"\n"
                + "echo 'Warning: some split package'\necho java.base,java.desktop\n");
        script(bin.resolve("jlink" + suffix), logIt + "exit " + jlinkExit + "\n");
        script(bin.resolve("jpackage" + suffix), logIt + """
                arg() { while [ $# -gt 1 ]; do [ "$1" = "$want" ] && { echo "$2"; return; }; shift; done; }
                want=--type; type=$(arg "$@")
                want=--dest; dest=$(arg "$@")
                want=--app-version; version=$(arg "$@")
                want=--icon; icon=$(arg "$@")
                want=--app-image; image=$(arg "$@")
                if [ "$type" = app-image ]; then
                  mkdir -p "$dest/kms-lab/app"
                  echo "icon there: $(od -An -tx1 -N4 "$icon" | tr -d ' \\n')" >> LOG
                  printf '%s\\n' '<?xml version="1.0" ?>' '<jpackage-state version="17.0.15" platform="windows">' \\
                    '  <main-launcher>kms-lab</main-launcher>' '  <add-launcher>kms-lab-serve</add-launcher></jpackage-state>' \\
                    > "$dest/kms-lab/app/.jpackage.xml"
                else
                  [ ! -f "$image/app/.jpackage.xml" ] || echo "state: $(tr -d '\\n' < "$image/app/.jpackage.xml")" >> LOG
                  touch "$dest/kms-lab-$version.$type"
                fi
                """.replace("LOG", "\"" + log + "\""));
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
