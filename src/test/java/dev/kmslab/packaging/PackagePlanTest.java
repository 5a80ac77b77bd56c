package dev.kmslab.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jlink and jpackage arguments {@code mvn -Ppackage package} uses on macOS and Windows (no macOS or Windows machine
 * runs them here), the version jpackage gets, and that they say what {@code src/package/jpackage.sh} says on Linux.
 */
class PackagePlanTest {

    private static final Path SCRIPT = Path.of("src/package/jpackage.sh");
    private static final Path OPTIONS = Path.of("src/package/launcher-jvm-options");
    private static final String DESCRIPTION =
            "Learn AWS Key Management Service by using a real in-process key engine.";

    @TempDir
    Path base;
    private Path out;

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(base.resolve("src/package"));
        Files.copy(OPTIONS, base.resolve(OPTIONS));
        out = base.resolve("target/jpackage");
    }

    @Test
    void windows_appImageThenMsi_withMenuShortcutUpgradeCodeAndAssociations() {
        PackagePlan plan = PackagePlan.of(Os.WINDOWS, base, base.resolve("target"), "0.1.0-SNAPSHOT");

        assertThat(plan.appImageArgs()).containsExactly("--type", "app-image", "--name", "kms-lab",
                "--app-version", "0.1.0", "--vendor", "KMS Lab", "--description", DESCRIPTION,
                "--dest", p("target/jpackage/image"), "--input", p("target/jpackage/input"),
                "--main-jar", "kms-lab.jar", "--main-class", "dev.kmslab.Launcher",
                "--runtime-image", p("target/jpackage/runtime"), "--icon", p("target/jpackage/icons/kms-lab.ico"),
                "--java-options", "-XX:TieredStopAtLevel=1", "--java-options", "-XX:+UseSerialGC",
                "--java-options", "-Dkmslab.launcher=installed",
                "--add-launcher", "kms-lab-serve=" + p("target/jpackage/kms-lab-serve.properties"));
        assertThat(plan.packageArgs()).containsExactly("--type", "msi", "--name", "kms-lab",
                "--app-version", "0.1.0", "--vendor", "KMS Lab", "--description", DESCRIPTION,
                "--app-image", p("target/jpackage/image/kms-lab"), "--dest", p("target/jpackage"),
                "--win-menu", "--win-menu-group", "KMS Lab", "--win-shortcut", "--win-dir-chooser",
                "--win-upgrade-uuid", "e9c2d311-65da-4cf6-90f8-074555836bc9",
                "--file-associations", p("src/package/kmslab-pack.properties"),
                "--file-associations", p("src/package/kmslab-lab.properties"));
        assertThat(plan.appImage()).isEqualTo(out.resolve("image/kms-lab"));
    }

    @Test
    void mac_appImageCarriesIdentifierAndAssociations_thenDmg() {
        PackagePlan plan = PackagePlan.of(Os.MAC, base, base.resolve("target"), "2.3.4-SNAPSHOT");

        assertThat(plan.appImageArgs()).containsExactly("--type", "app-image", "--name", "kms-lab",
                "--app-version", "2.3.4", "--vendor", "KMS Lab", "--description", DESCRIPTION,
                "--dest", p("target/jpackage/image"), "--input", p("target/jpackage/input"),
                "--main-jar", "kms-lab.jar", "--main-class", "dev.kmslab.Launcher",
                "--runtime-image", p("target/jpackage/runtime"), "--icon", p("target/jpackage/icons/kms-lab.icns"),
                "--java-options", "-XX:TieredStopAtLevel=1", "--java-options", "-XX:+UseSerialGC",
                "--java-options", "-Dkmslab.launcher=installed",
                "--add-launcher", "kms-lab-serve=" + p("target/jpackage/kms-lab-serve.properties"),
                "--mac-package-identifier", "dev.kmslab.app",
                "--file-associations", p("src/package/kmslab-pack.properties"),
                "--file-associations", p("src/package/kmslab-lab.properties"));
        assertThat(plan.packageArgs()).containsExactly("--type", "dmg", "--name", "kms-lab",
                "--app-version", "2.3.4", "--vendor", "KMS Lab", "--description", DESCRIPTION,
                "--app-image", p("target/jpackage/image/kms-lab.app"), "--dest", p("target/jpackage"));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "runs jpackage.sh's line with bash")
    void launcherJavaOptions_areTheSharedFilesLines_asTheScriptReadsThem() throws Exception {
        List<String> fromFile = PackagePlan.readJvmOptions(OPTIONS);

        assertThat(fromFile).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        assertThat(PackagePlan.of(Os.MAC, base, base.resolve("target"), "1.0.0").javaOptions()).isEqualTo(fromFile);
        assertThat(scriptJvmOptions(Path.of(""))).isEqualTo(fromFile);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "runs jpackage.sh's line with bash")
    void jvmOptionsFile_commentsAndBlankLinesSkipped_sameInJavaAndInTheScript() throws Exception {
        Files.writeString(base.resolve(OPTIONS), "# a comment\n\n  # indented comment\n-Xmx512m\n   \n-Da=b c\n");

        assertThat(PackagePlan.readJvmOptions(base.resolve(OPTIONS))).containsExactly("-Xmx512m", "-Da=b c");
        assertThat(scriptJvmOptions(base)).containsExactly("-Xmx512m", "-Da=b c");
    }

    @Test
    void jvmOptionsFile_withoutOptions_isAnError() throws IOException {
        Files.writeString(base.resolve(OPTIONS), "# nothing\n");

        assertThatThrownBy(() -> PackagePlan.readJvmOptions(base.resolve(OPTIONS)))
                .isInstanceOf(PackagingException.class)
                .hasMessage("no JVM options in " + base.resolve(OPTIONS));
    }

    @Test
    void serveLauncher_windows_consoleProgramWithoutShortcutOrMenu_fullJit() {
        PackagePlan plan = PackagePlan.of(Os.WINDOWS, base, base.resolve("target"), "1.0.0");

        assertThat(plan.serveLauncher()).isEqualTo(out.resolve("kms-lab-serve.properties"));
        assertThat(plan.serveLauncherText()).isEqualTo("java-options=-XX:+UseSerialGC -Dkmslab.command=serve\n"
                + "win-console=true\nwin-shortcut=false\nwin-menu=false\n");
    }

    @Test
    void serveLauncher_mac_onlyItsJavaOptions() {
        assertThat(PackagePlan.of(Os.MAC, base, base.resolve("target"), "1.0.0").serveLauncherText())
                .isEqualTo("java-options=-XX:+UseSerialGC -Dkmslab.command=serve\n");
    }

    @Test
    void serveLauncher_keepsEveryOptionButTheJitLimit() throws IOException {
        Files.writeString(base.resolve(OPTIONS), "-XX:TieredStopAtLevel=1\n-Xmx512m\n-XX:+UseSerialGC\n");
        Properties serve = new Properties();
        serve.load(new StringReader(PackagePlan.of(Os.WINDOWS, base, base.resolve("target"), "1.0.0")
                .serveLauncherText()));

        assertThat(serve.getProperty("java-options")).isEqualTo("-Xmx512m -XX:+UseSerialGC -Dkmslab.command=serve");
        assertThat(serve.getProperty("win-console")).isEqualTo("true");
    }

    @Test
    void serveLauncher_leftOutOfTheImagesStateForTheMsi_asJpackage17WritesIt() {
        // What jpackage 17.0.15 writes (here on Linux; Windows writes the same elements).
        String state = "<?xml version=\"1.0\" ?>\n<jpackage-state version=\"17.0.15\" platform=\"windows\">\n"
                + "  <app-version>1.0.0</app-version>\n  <main-launcher>kms-lab</main-launcher>\n"
                + "  <signed>false</signed>\n  <add-launcher>kms-lab-serve</add-launcher></jpackage-state>";

        assertThat(PackagePlan.withoutServeLauncher(state)).isEqualTo(state.replace(
                "<add-launcher>kms-lab-serve</add-launcher>", ""));
        assertThat(PackagePlan.withoutServeLauncher("<add-launcher name=\"kms-lab-serve\"/>")).isNull();
        assertThat(PackagePlan.of(Os.WINDOWS, base, base.resolve("target"), "1.0.0").imageState())
                .isEqualTo(out.resolve("image/kms-lab/app/.jpackage.xml"));
    }

    /** The Linux script writes the same launcher, plus the app's CDS archive (only Linux builds one). */
    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "runs jpackage.sh's lines with bash")
    void serveLauncher_linuxScript_sameOptionsPlusTheAppArchive_noMenuEntry() throws Exception {
        List<String> script = Files.readAllLines(SCRIPT);
        int from = script.indexOf("serve_opts=()");
        int to = script.stream().filter(l -> l.startsWith("printf 'java-options=")).findFirst()
                .map(script::indexOf).orElse(-1);
        assertThat(from).as("jpackage.sh's serve launcher lines").isPositive();
        assertThat(to).isGreaterThan(from);
        String lines = String.join("\n", script.subList(from, to + 1));
        Process bash = new ProcessBuilder("bash", "-c", "set -euo pipefail; out=$1; launcher_opts=("
                + "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto '-XX:SharedArchiveFile=$APPDIR/kms-lab-cds.jsa'"
                + " '-Xlog:cds*=off' -Dkmslab.launcher=installed)\n" + lines, "bash", base.toString())
                .redirectErrorStream(true).start();
        String printed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as(printed).isZero();

        assertThat(Files.readString(base.resolve("kms-lab-serve.properties"))).isEqualTo("java-options="
                + "-XX:+UseSerialGC -Xshare:auto -XX:SharedArchiveFile=$APPDIR/kms-lab-cds.jsa -Xlog:cds*=off"
                + " -Dkmslab.command=serve\nlinux-shortcut=false\n");
        assertThat(String.join("\n", script)).contains("--add-launcher \"kms-lab-serve=$out/kms-lab-serve.properties\"");
    }

    @Test
    void jlink_addsTheModulesWithTheScriptsFlags() {
        PackagePlan plan = PackagePlan.of(Os.WINDOWS, base, base.resolve("target"), "1.0.0");

        assertThat(plan.jlink("java.base,javafx.controls")).containsExactly("--add-modules", "java.base,javafx.controls",
                "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=2", "--generate-cds-archive",
                "--output", p("target/jpackage/runtime"));
        assertThat(plan.jdeps()).containsExactly("--print-module-deps", "--ignore-missing-deps", "--multi-release",
                "17", p("target/jpackage/input/kms-lab.jar"));
    }

    @Test
    void modules_areJdepsListPlusTheExtraOnes() {
        assertThat(PackagePlan.modules("Warning: split package\njava.base,java.desktop\n"))
                .isEqualTo("java.base,java.desktop,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.charsets,"
                        + "jdk.localedata,jdk.httpserver,jdk.unsupported");
        assertThatThrownBy(() -> PackagePlan.modules("Error: kms-lab.jar is not found\n"))
                .isInstanceOf(PackagingException.class)
                .hasMessage("jdeps printed no module list: Error: kms-lab.jar is not found");
    }

    @Test
    void version_suffixDropped_asTheScriptDoes() {
        assertThat(PackagePlan.withoutSuffix("0.1.0-SNAPSHOT")).isEqualTo("0.1.0");
        assertThat(PackagePlan.withoutSuffix("1.2.3")).isEqualTo("1.2.3");
        assertThat(PackagePlan.withoutSuffix("1.2.3-rc-1")).isEqualTo("1.2.3");
        assertThat(PackagePlan.appVersion(Os.WINDOWS, "0.1.0-SNAPSHOT")).isEqualTo("0.1.0");
        assertThat(PackagePlan.appVersion(Os.WINDOWS, "255.255.65535")).isEqualTo("255.255.65535");
        assertThat(PackagePlan.appVersion(Os.MAC, "3.1-SNAPSHOT")).isEqualTo("3.1");
    }

    @Test
    void version_onMac_firstNumberZeroBecomesOne() {
        assertThat(PackagePlan.appVersion(Os.MAC, "0.1.0-SNAPSHOT")).isEqualTo("1.1.0");
        assertThat(PackagePlan.of(Os.MAC, base, base.resolve("target"), "0.1.0-SNAPSHOT").appVersion())
                .isEqualTo("1.1.0");
    }

    @Test
    void version_notNumeric_orTooBigForWindowsInstaller_isAnError() {
        assertThatThrownBy(() -> PackagePlan.appVersion(Os.MAC, "1.2.3.4"))
                .isInstanceOf(PackagingException.class)
                .hasMessage("version 1.2.3.4: jpackage needs one to three numbers separated by dots (a suffix after"
                        + " '-' is dropped), such as 0.1.0-SNAPSHOT or 1.2.3");
        assertThatThrownBy(() -> PackagePlan.appVersion(Os.WINDOWS, "v1-SNAPSHOT"))
                .hasMessageStartingWith("version v1-SNAPSHOT: jpackage needs one to three numbers");
        assertThatThrownBy(() -> PackagePlan.appVersion(Os.WINDOWS, "1.256.0"))
                .isInstanceOf(PackagingException.class)
                .hasMessage("version 1.256.0: a Windows Installer version is at most 255.255.65535");
    }

    @Test
    void linux_isTheScriptsJob() {
        assertThatThrownBy(() -> PackagePlan.of(Os.LINUX, base, base.resolve("target"), "1.0.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Linux packages are built by src/package/jpackage.sh");
    }

    @Test
    void os_fromOsName() {
        assertThat(Os.of("Linux")).isEqualTo(Os.LINUX);
        assertThat(Os.of("Mac OS X")).isEqualTo(Os.MAC);
        assertThat(Os.of("Windows 11")).isEqualTo(Os.WINDOWS);
        assertThat(Os.of("Windows Server 2022")).isEqualTo(Os.WINDOWS);
        assertThat(Os.WINDOWS.executable("jpackage")).isEqualTo("jpackage.exe");
        assertThat(Os.MAC.executable("jpackage")).isEqualTo("jpackage");
        assertThatThrownBy(() -> Os.of("FreeBSD"))
                .isInstanceOf(PackagingException.class)
                .hasMessage("no installer for os.name \"FreeBSD\": mvn -Ppackage package builds on Linux (.deb, .rpm),"
                        + " macOS (.dmg) and Windows (.msi)");
    }

    /** The names, extra modules and jlink flags here are jpackage.sh's, so the platforms' packages agree. */
    @Test
    void namesModulesAndJlinkFlags_matchTheLinuxScript() throws IOException {
        String script = Files.readString(SCRIPT);

        Matcher extra = Pattern.compile("(?m)^modules=\"\\$modules,([^\"]+)\"$").matcher(script);
        assertThat(extra.find()).as("jpackage.sh's line adding modules").isTrue();
        assertThat(Arrays.asList(extra.group(1).split(","))).isEqualTo(PackagePlan.EXTRA_MODULES);
        Matcher jlink = Pattern.compile("\"\\$jdk/bin/jlink\" --add-modules \"\\$modules\" ([^\\\\]+)\\\\\\s+(.*)"
                + " --output").matcher(script);
        assertThat(jlink.find()).as("jpackage.sh's jlink line").isTrue();
        assertThat((jlink.group(1).strip() + " " + jlink.group(2).strip()).split(" "))
                .containsExactlyElementsOf(PackagePlan.JLINK_OPTIONS);
        assertThat(script).contains("common=(--name kms-lab --app-version \"${version%%-*}\" --vendor \"KMS Lab\"\n"
                + "  --description \"" + DESCRIPTION + "\")");
        assertThat(script).contains("--main-jar kms-lab.jar --main-class dev.kmslab.Launcher");
        assertThat(script).contains("--file-associations \"$base/src/package/kmslab-pack.properties\"",
                "--file-associations \"$base/src/package/kmslab-lab.properties\"");
    }

    /** Runs jpackage.sh's own line that reads the options file, with {@code base} as its project folder. */
    private static List<String> scriptJvmOptions(Path projectFolder) throws IOException, InterruptedException {
        String line = Files.readAllLines(SCRIPT).stream().filter(l -> l.startsWith("mapfile -t jvm_opts"))
                .findFirst().orElseThrow(() -> new AssertionError("jpackage.sh no longer reads " + OPTIONS));
        Process bash = new ProcessBuilder("bash", "-c", "set -euo pipefail; base=$1; " + line
                + "; printf '%s\\0' \"${jvm_opts[@]}\"", "bash", projectFolder.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String printed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as(printed).isZero();
        List<String> options = new ArrayList<>(Arrays.asList(printed.split("\0")));
        options.removeIf(String::isEmpty);
        return options;
    }

    private String p(String relative) {
        return base.resolve(relative).toString();
    }
}
