package dev.kmslab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FastStartTest {

    private static final Path JAR = Path.of("/opt/lab/kms-lab.jar");
    private static final Path ARCHIVE = Path.of("/opt/lab/kms-lab.jsa");

    @Test
    void aJarStart_isHandedToAJvmThatMapsTheArchive_keepingOptionsAndArguments() {
        List<String> command = FastStart.command("/usr/bin/java",
                List.of("-Dkmslab.startupTrace=true", "-jar", JAR.toString(), "--data-dir", "/tmp/lab"), JAR,
                ARCHIVE, 1234L, true).orElseThrow();

        assertThat(command.get(0)).isEqualTo("/usr/bin/java");
        assertThat(command.get(1)).isEqualTo("-Dkmslab.startupTrace=true");
        assertThat(command).contains("-XX:SharedArchiveFile=/opt/lab/kms-lab.jsa", "-Xshare:auto",
                "-Dkmslab.relaunched=true", "-Dkmslab.firstJvmStart=1234");
        assertThat(command.subList(command.indexOf("-cp"), command.size()))
                .containsExactly("-cp", JAR.toString(), "dev.kmslab.Launcher", "--data-dir", "/tmp/lab");
    }

    @Test
    void noArchive_noHandOver() {
        assertThat(FastStart.command("java", List.of("-jar", JAR.toString()), JAR, ARCHIVE, 1L, false)).isEmpty();
    }

    @Test
    void notStartedWithJar_noHandOver() {
        assertThat(FastStart.command("java", List.of("-cp", JAR.toString(), "dev.kmslab.Launcher"), JAR, ARCHIVE,
                1L, true)).isEmpty();
    }

    @Test
    void classSharingAlreadyChosen_isLeftAlone() {
        assertThat(FastStart.command("java", List.of("-Xshare:off", "-jar", JAR.toString()), JAR, ARCHIVE, 1L,
                true)).isEmpty();
        assertThat(FastStart.command("java", List.of("-XX:SharedArchiveFile=/x.jsa", "-jar", JAR.toString()), JAR,
                ARCHIVE, 1L, true)).isEmpty();
    }

    @Test
    void theRelaunchedJvm_doesNotRelaunchAgain() {
        System.setProperty(FastStart.RELAUNCHED, "true");
        try {
            assertThat(FastStart.relaunch(new String[0])).isEmpty();
        } finally {
            System.clearProperty(FastStart.RELAUNCHED);
        }
    }
}
