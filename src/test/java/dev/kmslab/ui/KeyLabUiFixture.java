package dev.kmslab.ui;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * For UI tests that start in the Key Lab: the real app on a fresh data folder with the Key Lab open before each test,
 * stopped after it.
 */
public abstract class KeyLabUiFixture {

    @TempDir
    protected Path data;

    protected final AppDriver app = new AppDriver();

    @BeforeEach
    void startInTheKeyLab() throws Exception {
        app.start(data);
        app.openKeyLab();
    }

    @AfterEach
    void stopTheApp() throws Exception {
        app.stop();
    }
}
