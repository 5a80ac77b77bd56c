package dev.kmslab.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code mvn -Ppackage package}, after the runnable jar: the installer of the platform it runs on, in
 * {@code target/jpackage}.
 * <ul>
 *   <li>Linux: runs {@code src/package/jpackage.sh} (the runtime with its CDS archive, the app image, the app's CDS
 *       archive, the .deb and, where rpmbuild exists, the .rpm) and exits with its exit code.</li>
 *   <li>macOS and Windows: jdeps, jlink and jpackage as the script runs them ({@link PackagePlan}): the trimmed
 *       runtime with its own CDS archive, the app image with the icon written from {@code assets/icons} and the
 *       second launcher {@code kms-lab-serve}, then the .dmg or the .msi (after checking WiX is installed). No app CDS archive: the script makes it by starting the
 *       app at its install path, which needs Linux's mount namespaces.</li>
 * </ul>
 * Arguments: the project folder, its build folder ({@code target}), the project version. The JDK is JAVA_HOME's, else
 * the one running this.
 */
public final class Packager {

    private Packager() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: Packager <project folder> <target folder> <version>");
            System.exit(2);
        }
        try {
            System.exit(run(Os.current(), jdk(), Path.of(args[0]), Path.of(args[1]), args[2], WixCheck::problem));
        } catch (PackagingException | UncheckedIOException e) {
            System.err.println("package: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Builds the installer of {@code os} with the tools of {@code jdk}; {@code wixCheck} gives the reason WiX cannot
     * be used, or null (asked on Windows only). Returns the exit code: jpackage.sh's on Linux, else 0.
     */
    static int run(Os os, Path jdk, Path base, Path target, String version, Supplier<String> wixCheck) {
        if (os == Os.LINUX) {
            return exec(List.of("bash", base.resolve("src/package/jpackage.sh").toString(), base.toString(),
                    target.toString(), version));
        }
        PackagePlan plan = PackagePlan.of(os, base, target, version);
        Path jpackage = jdk.resolve("bin").resolve(os.executable("jpackage"));
        if (!Files.isRegularFile(jpackage)) {
            throw new PackagingException("no jpackage in " + jdk + ": set JAVA_HOME to a JDK 17 or newer"
                    + " (a JRE has no jpackage)");
        }
        if (os == Os.WINDOWS) {
            String wix = wixCheck.get();
            if (wix != null) {
                throw new PackagingException(wix);
            }
        }
        if (!plan.appVersion().equals(PackagePlan.withoutSuffix(version))) {
            System.out.println("version: " + version + " is packaged as " + plan.appVersion() + " (macOS wants a"
                    + " bundle version whose first number is above 0)");
        }
        long start = System.nanoTime();
        deleteTree(plan.out());
        copy(target.resolve(PackagePlan.MAIN_JAR), plan.input().resolve(PackagePlan.MAIN_JAR));
        String modules = PackagePlan.modules(output(tool(jdk, os, "jdeps", plan.jdeps())));
        check(exec(tool(jdk, os, "jlink", plan.jlink(modules))), "jlink");
        System.out.println("runtime modules: " + modules);
        start = took("jdeps and jlink", start);
        AppIcons.write(base.resolve(AppIcons.FOLDER), plan.icon());
        write(plan.serveLauncher(), plan.serveLauncherText());
        check(exec(tool(jdk, os, "jpackage", plan.appImageArgs())), "jpackage --type app-image");
        start = took("app image", start);
        if (os == Os.WINDOWS) {
            noServeShortcuts(plan.imageState());
        }
        System.out.println("app CDS archive: not made on " + (os == Os.MAC ? "macOS" : "Windows") + " (only the Linux"
                + " build makes it); the launcher uses the runtime's archive");
        check(exec(tool(jdk, os, "jpackage", plan.packageArgs())), "jpackage --type " + plan.packageType());
        took("." + plan.packageType(), start);
        listPackages(plan);
        return 0;
    }

    /** JAVA_HOME where it is set, else the JDK running this, as jpackage.sh takes JAVA_HOME or the java on the PATH. */
    private static Path jdk() {
        String home = System.getenv("JAVA_HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("java.home"));
    }

    private static List<String> tool(Path jdk, Os os, String name, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(jdk.resolve("bin").resolve(os.executable(name)).toString());
        command.addAll(args);
        return command;
    }

    /** Runs {@code command} with this process's output and input, returning its exit code. */
    private static int exec(List<String> command) {
        System.out.println("+ " + String.join(" ", command));
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackagingException("interrupted while running " + command.get(0));
        }
    }

    /** Runs {@code command} and returns what it printed; fails with that output when it exits other than 0. */
    private static String output(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (InputStream in = process.getInputStream()) {
                in.transferTo(bytes);
            }
            String text = bytes.toString(Charset.defaultCharset());
            int code = process.waitFor();
            if (code != 0) {
                throw new PackagingException(command.get(0) + " failed (exit " + code + "): " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackagingException("interrupted while running " + command.get(0));
        }
    }

    private static void check(int exitCode, String step) {
        if (exitCode != 0) {
            throw new PackagingException(step + " failed (exit " + exitCode + "); its output is above");
        }
    }

    private static long took(String step, long since) {
        long now = System.nanoTime();
        System.out.println(step + ": " + (now - since) / 1_000_000_000 + " s");
        return now;
    }

    private static void copy(Path from, Path to) {
        if (!Files.isRegularFile(from)) {
            throw new PackagingException("no " + from + ": the package phase makes it before this step");
        }
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /** Windows: the .msi gives kms-lab-serve no Start menu entry or desktop shortcut (see PackagePlan). */
    private static void noServeShortcuts(Path state) {
        try {
            String edited = Files.isRegularFile(state) ? PackagePlan.withoutServeLauncher(Files.readString(state)) : null;
            if (edited == null) {
                System.out.println("kms-lab-serve: not named in " + state + " as jpackage 17 does; the .msi may give it"
                        + " a Start menu entry and a desktop shortcut");
                return;
            }
            Files.writeString(state, edited);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot edit " + state, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the previous build " + dir, e);
        }
    }

    private static void listPackages(PackagePlan plan) {
        try (Stream<Path> files = Files.list(plan.out())) {
            for (Path file : files.filter(f -> f.toString().endsWith("." + plan.packageType())).sorted().toList()) {
                System.out.println(file + " (" + Files.size(file) / (1024 * 1024) + " MB)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + plan.out(), e);
        }
    }
}
