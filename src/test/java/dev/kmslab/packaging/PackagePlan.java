package dev.kmslab.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@code mvn -Ppackage package} hands jlink and jpackage on macOS and Windows: the same runtime, names and launcher
 * options as {@code src/package/jpackage.sh} builds on Linux (PackagePlanTest checks the script still says the same),
 * plus each platform's own package options. Made of values only, so the argument lists are tested without running
 * anything.
 *
 * @param os           the platform (macOS or Windows; Linux packages are the script's)
 * @param base         the project folder
 * @param out          {@code target/jpackage}
 * @param appVersion   the version jpackage gets: numeric, one to three numbers (see {@link #appVersion(Os, String)})
 * @param javaOptions  the launcher's JVM options, from {@code src/package/launcher-jvm-options}
 * @param icon         the platform's icon file ({@code .icns}, {@code .ico}), written by the packager into {@code out}
 */
record PackagePlan(Os os, Path base, Path out, String appVersion, List<String> javaOptions, Path icon) {

    static final String NAME = "kms-lab";
    static final String VENDOR = "KMS Lab";
    static final String DESCRIPTION = "Learn AWS Key Management Service by using a real in-process key engine.";
    static final String MAIN_JAR = "kms-lab.jar";
    static final String MAIN_CLASS = "dev.kmslab.Launcher";
    /** The modules jdeps does not see (services and reflection), as jpackage.sh adds them; see its comment. */
    static final List<String> EXTRA_MODULES = List.of("jdk.crypto.ec", "jdk.crypto.cryptoki", "jdk.zipfs",
            "jdk.charsets", "jdk.localedata", "jdk.httpserver", "jdk.unsupported");
    static final List<String> JLINK_OPTIONS = List.of("--strip-debug", "--no-header-files", "--no-man-pages",
            "--compress=2", "--generate-cds-archive");
    /** The file associations (question packs, labs), the same files the Linux packages register. */
    static final List<String> ASSOCIATIONS = List.of("src/package/kmslab-pack.properties",
            "src/package/kmslab-lab.properties");
    static final String JVM_OPTIONS_FILE = "src/package/launcher-jvm-options";
    static final String LAUNCHER_MARK = "-Dkmslab.launcher=installed";
    /** The second launcher, {@code kms-lab-serve}: the local KMS endpoint whatever its arguments (dev.kmslab.Launcher). */
    static final String SERVE_LAUNCHER = NAME + "-serve";
    static final String SERVE_COMMAND = "-Dkmslab.command=serve";
    static final String MAC_IDENTIFIER = "dev.kmslab.app";
    /**
     * Fixed for good: Windows Installer recognises a newer .msi of the same app by this code and replaces the installed
     * one instead of installing a second copy. Never change it.
     */
    static final String WIN_UPGRADE_UUID = "e9c2d311-65da-4cf6-90f8-074555836bc9";
    static final String WIN_MENU_GROUP = "KMS Lab";

    private static final Pattern NUMERIC = Pattern.compile("\\d+(\\.\\d+){0,2}");

    PackagePlan {
        if (os == Os.LINUX) {
            throw new IllegalArgumentException("Linux packages are built by src/package/jpackage.sh");
        }
        javaOptions = List.copyOf(javaOptions);
    }

    /** The plan for building on {@code os} from the project in {@code base}, its build folder {@code target}. */
    static PackagePlan of(Os os, Path base, Path target, String projectVersion) {
        Path out = target.resolve("jpackage");
        Path icon = out.resolve("icons").resolve(NAME + (os == Os.MAC ? ".icns" : ".ico"));
        return new PackagePlan(os, base, out, appVersion(os, projectVersion),
                readJvmOptions(base.resolve(JVM_OPTIONS_FILE)), icon);
    }

    /** The project version without its suffix, as jpackage.sh's {@code ${version%%-*}}: 0.1.0-SNAPSHOT is 0.1.0. */
    static String withoutSuffix(String projectVersion) {
        int dash = projectVersion.indexOf('-');
        return dash < 0 ? projectVersion : projectVersion.substring(0, dash);
    }

    /**
     * The version jpackage accepts on {@code os}: one to three numbers. Windows Installer caps them at 255.255.65535.
     * macOS (jpackage's CFBundleVersion check) wants the first number above 0, so a 0.y.z version is packaged as
     * 1.y.z there, which the packager says when it does.
     */
    static String appVersion(Os os, String projectVersion) {
        String version = withoutSuffix(projectVersion);
        if (!NUMERIC.matcher(version).matches()) {
            throw new PackagingException("version " + projectVersion + ": jpackage needs one to three numbers"
                    + " separated by dots (a suffix after '-' is dropped), such as 0.1.0-SNAPSHOT or 1.2.3");
        }
        String[] parts = version.split("\\.");
        if (os == Os.WINDOWS) {
            long[] limits = {255, 255, 65535};
            for (int i = 0; i < parts.length; i++) {
                if (Long.parseLong(parts[i]) > limits[i]) {
                    throw new PackagingException("version " + projectVersion + ": a Windows Installer version is at"
                            + " most 255.255.65535");
                }
            }
        }
        if (os == Os.MAC && Long.parseLong(parts[0]) == 0) {
            parts[0] = "1";
            return String.join(".", parts);
        }
        return version;
    }

    /** The lines of the options file that are neither blank nor comments ({@code #}), as jpackage.sh reads them. */
    static List<String> readJvmOptions(Path file) {
        List<String> options = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    options.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the launcher's JVM options " + file, e);
        }
        if (options.isEmpty()) {
            throw new PackagingException("no JVM options in " + file);
        }
        return options;
    }

    Path input() {
        return out.resolve("input");
    }

    Path runtime() {
        return out.resolve("runtime");
    }

    Path imageDest() {
        return out.resolve("image");
    }

    /** The app image jpackage makes: {@code kms-lab.app} on macOS, the {@code kms-lab} folder on Windows. */
    Path appImage() {
        return imageDest().resolve(os == Os.MAC ? NAME + ".app" : NAME);
    }

    /** The serve launcher's properties, written by the packager before the app image ({@link #serveLauncherText()}). */
    Path serveLauncher() {
        return out.resolve(SERVE_LAUNCHER + ".properties");
    }

    /**
     * The serve launcher's properties for jpackage's {@code --add-launcher}, as jpackage.sh writes them on Linux: its
     * {@code java-options} replace the main launcher's (JDK 17's jpackage does not add them together), so they are
     * the shared options without the C1-only limit (the endpoint's AES-GCM needs C2's intrinsics, and without the
     * limit ServeJit serves in this JVM) plus {@value #SERVE_COMMAND}. On Windows a console program
     * ({@code win-console}, known to jpackage 17), whose output shows in the console it was typed in (a GUI program's
     * goes nowhere), and no Start menu entry or desktop shortcut ({@code win-menu}, {@code win-shortcut}: jpackage 18
     * and later; jpackage 17 ignores keys it does not know, as it ignores another platform's, hence
     * {@link #withoutServeLauncher(String)}). Only this platform's keys, so the file says what applies.
     */
    String serveLauncherText() {
        List<String> options = new ArrayList<>();
        for (String option : javaOptions) {
            if (!option.startsWith("-XX:TieredStopAtLevel=")) {
                options.add(option);
            }
        }
        options.add(SERVE_COMMAND);
        String text = "java-options=" + String.join(" ", options) + "\n";
        if (os == Os.WINDOWS) {
            text += "win-console=true\nwin-shortcut=false\nwin-menu=false\n";
        }
        return text;
    }

    /** The app image's record of its launchers, which jpackage's .msi step reads (Windows layout). */
    Path imageState() {
        return appImage().resolve("app").resolve(".jpackage.xml");
    }

    /**
     * The app image's {@code .jpackage.xml} without the serve launcher, for the .msi step on Windows, or null when it
     * does not name it as JDK 17's jpackage does. That jpackage gives every launcher named there the main launcher's
     * Start menu entry and desktop shortcut ({@code win-menu=false} and {@code win-shortcut=false} in an
     * {@code --add-launcher} file are jpackage 18's); left out, {@code kms-lab-serve.exe} and its {@code .cfg} are
     * installed as files of the image like any other, without shortcuts. (The same edit on Linux, tried with
     * jpackage 17.0.15's .deb, installs the launcher without a menu entry; on Windows it has not been tried.)
     */
    static String withoutServeLauncher(String state) {
        String element = "<add-launcher>" + SERVE_LAUNCHER + "</add-launcher>";
        return state.contains(element) ? state.replace(element, "") : null;
    }

    String packageType() {
        return os == Os.MAC ? "dmg" : "msi";
    }

    List<String> jdeps() {
        return List.of("--print-module-deps", "--ignore-missing-deps", "--multi-release", "17",
                input().resolve(MAIN_JAR).toString());
    }

    /** jdeps' module list (its last line of output) plus {@link #EXTRA_MODULES}. */
    static String modules(String jdepsOutput) {
        String[] lines = jdepsOutput.strip().split("\\R");
        String found = lines[lines.length - 1].strip();
        if (found.isEmpty() || found.contains(" ")) {
            throw new PackagingException("jdeps printed no module list: " + jdepsOutput.strip());
        }
        return found + "," + String.join(",", EXTRA_MODULES);
    }

    List<String> jlink(String modules) {
        List<String> args = new ArrayList<>(List.of("--add-modules", modules));
        args.addAll(JLINK_OPTIONS);
        args.addAll(List.of("--output", runtime().toString()));
        return args;
    }

    /** jpackage's arguments for the app image: the launcher, the runtime, the icon (and on macOS the associations). */
    List<String> appImageArgs() {
        List<String> args = new ArrayList<>(List.of("--type", "app-image"));
        args.addAll(common());
        args.addAll(List.of("--dest", imageDest().toString(), "--input", input().toString(),
                "--main-jar", MAIN_JAR, "--main-class", MAIN_CLASS, "--runtime-image", runtime().toString(),
                "--icon", icon.toString()));
        for (String option : javaOptions) {
            args.addAll(List.of("--java-options", option));
        }
        // As jpackage.sh's launcher: marks the installed launcher, so `kms-lab serve` runs in a second JVM without
        // the C1-only limit (dev.kmslab.ServeJit).
        args.addAll(List.of("--java-options", LAUNCHER_MARK));
        args.addAll(List.of("--add-launcher", SERVE_LAUNCHER + "=" + serveLauncher()));
        if (os == Os.MAC) {
            // macOS keeps file associations in the app's Info.plist, so they belong to the image (jpackage accepts
            // them there only on macOS); Windows registers them when the .msi installs.
            args.addAll(List.of("--mac-package-identifier", MAC_IDENTIFIER));
            args.addAll(associations());
        }
        return args;
    }

    /** jpackage's arguments for the native package made from the app image: the .dmg or the .msi. */
    List<String> packageArgs() {
        List<String> args = new ArrayList<>(List.of("--type", packageType()));
        args.addAll(common());
        args.addAll(List.of("--app-image", appImage().toString(), "--dest", out.toString()));
        if (os == Os.WINDOWS) {
            args.addAll(List.of("--win-menu", "--win-menu-group", WIN_MENU_GROUP, "--win-shortcut",
                    "--win-dir-chooser", "--win-upgrade-uuid", WIN_UPGRADE_UUID));
            args.addAll(associations());
        }
        return args;
    }

    private List<String> common() {
        return List.of("--name", NAME, "--app-version", appVersion, "--vendor", VENDOR, "--description", DESCRIPTION);
    }

    private List<String> associations() {
        List<String> args = new ArrayList<>();
        for (String file : ASSOCIATIONS) {
            args.addAll(List.of("--file-associations", base.resolve(file).toString()));
        }
        return args;
    }
}
