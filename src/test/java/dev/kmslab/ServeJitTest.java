package dev.kmslab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServeJitTest {

    private static final Path JAR = Path.of("/opt/kms-lab/lib/app/kms-lab.jar");
    /** What the installed launcher's JVM reports as its input arguments (jpackage's cfg plus its own). */
    private static final List<String> LAUNCHER_JVM = List.of("-Djpackage.app-version=1.0.0",
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
            "-XX:SharedArchiveFile=/opt/kms-lab/lib/app/kms-lab-cds.jsa", "-Xlog:cds*=off",
            "-Dkmslab.launcher=installed", "-Djava.class.path=/opt/kms-lab/lib/app/kms-lab.jar",
            "-Djava.library.path=/opt/kms-lab/lib/runtime/lib:/opt/kms-lab/lib/app",
            "-Djava.launcher.path=/opt/kms-lab/bin", "-Djava.launcher.name=kms-lab");

    @Test
    void theInstalledLauncherC1Only_handsServeOver() {
        assertThat(ServeJit.needed("installed", LAUNCHER_JVM)).isTrue();
        assertThat(ServeJit.needed("installed", List.of("-XX:TieredStopAtLevel=3"))).isTrue();
    }

    @Test
    void withoutTheLauncherMark_servesInThisJvm() {
        // java -jar kms-lab.jar serve, or any JVM the user started with options of their own choosing.
        assertThat(ServeJit.needed(null, LAUNCHER_JVM)).isFalse();
        assertThat(ServeJit.needed("jar", LAUNCHER_JVM)).isFalse();
    }

    @Test
    void launcherWithFullJit_servesInThisJvm() {
        assertThat(ServeJit.needed("installed", List.of("-XX:+UseSerialGC"))).isFalse();
        assertThat(ServeJit.needed("installed", List.of("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4")))
                .isFalse();
    }

    @Test
    void theSecondJvm_keepsTheLaunchersOptionsButTheCompilerLimit_andRunsServe() {
        List<String> command = ServeJit.command("/opt/kms-lab/lib/runtime/bin/java", LAUNCHER_JVM, List.of(), JAR, 4242L,
                List.of("--port", "4599", "--data-dir", "/tmp/lab"));

        assertThat(command).containsExactly("/opt/kms-lab/lib/runtime/bin/java", "-Djpackage.app-version=1.0.0",
                "-XX:+UseSerialGC", "-Xshare:auto", "-XX:SharedArchiveFile=/opt/kms-lab/lib/app/kms-lab-cds.jsa",
                "-Xlog:cds*=off", "-Djava.library.path=/opt/kms-lab/lib/runtime/lib:/opt/kms-lab/lib/app",
                "-Djava.launcher.path=/opt/kms-lab/bin", "-Djava.launcher.name=kms-lab",
                "-Dkmslab.serveParent=4242", "-cp", JAR.toString(), "dev.kmslab.Launcher", "serve", "--port", "4599",
                "--data-dir", "/tmp/lab");
        // The second JVM does not hand over again: it lacks the launcher's mark.
        assertThat(ServeJit.needed(null, command)).isFalse();
        assertThat(command).noneMatch(a -> a.startsWith("-XX:TieredStopAtLevel"));
    }

    @Test
    void optionsFromTheEnvironment_areNotRepeated_theSecondJvmInheritsThem() {
        List<String> jvm = new java.util.ArrayList<>(List.of("-Xlog:class+load:file=/tmp/c.log", "-Dkmslab.x=1"));
        jvm.addAll(LAUNCHER_JVM);
        List<String> command = ServeJit.command("java", jvm, List.of("-Xlog:class+load:file=/tmp/c.log"), JAR, 1L,
                List.of());

        assertThat(command).doesNotContain("-Xlog:class+load:file=/tmp/c.log").contains("-Dkmslab.x=1");
    }

    @Test
    void outsideTheInstalledLauncher_relaunchDoesNothing() {
        // This test JVM has no launcher mark.
        assertThat(ServeJit.relaunch(new String[] {"--port", "1"})).isEmpty();
    }
}
