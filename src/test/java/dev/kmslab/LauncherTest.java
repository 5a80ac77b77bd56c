package dev.kmslab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which start runs the endpoint: {@code kms-lab serve ...} and the {@code kms-lab-serve} launcher. */
class LauncherTest {

    @Test
    void serveLauncher_everyArgumentIsServes() {
        // kms-lab-serve --port 4599 (its JVM options carry -Dkmslab.command=serve)
        assertThat(Launcher.serveArgs("serve", new String[] {"--port", "4599", "--data-dir", "/tmp/d"}))
                .containsExactly("--port", "4599", "--data-dir", "/tmp/d");
        assertThat(Launcher.serveArgs("serve", new String[] {"--help"})).containsExactly("--help");
        assertThat(Launcher.serveArgs("serve", new String[0])).isEmpty();
        // A first "serve" is then an argument of serve's (which rejects it), not the command again.
        assertThat(Launcher.serveArgs("serve", new String[] {"serve", "--port", "1"}))
                .containsExactly("serve", "--port", "1");
    }

    @Test
    void appLauncher_serveAsFirstArgument_runsTheEndpointWithTheRest() {
        assertThat(Launcher.serveArgs(null, new String[] {"serve", "--port", "4599"})).containsExactly("--port", "4599");
        assertThat(Launcher.serveArgs(null, new String[] {"serve"})).isEmpty();
    }

    @Test
    void appLauncher_otherwiseStartsTheApp() {
        assertThat(Launcher.serveArgs(null, new String[0])).isNull();
        assertThat(Launcher.serveArgs(null, new String[] {"--startup-probe"})).isNull();
        assertThat(Launcher.serveArgs(null, new String[] {"labs/serve"})).isNull();
        assertThat(Launcher.serveArgs(null, new String[] {"--data-dir", "d", "serve"})).isNull();
    }

    @Test
    void unknownCommand_isAnErrorNamingIt() {
        assertThatThrownBy(() -> Launcher.serveArgs("gui", new String[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dkmslab.command=gui: the only command is serve");
    }
}
