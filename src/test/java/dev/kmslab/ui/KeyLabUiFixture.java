package dev.kmslab.ui;

import dev.kmslab.ui.keylab.common.ErrorBox;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.keys.KeyRow;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * For UI tests that start in the Key Lab: the real app on a fresh data folder with the Key Lab open (its engine
 * ready) before each test, stopped after it, and the steps such tests share: switch tabs, click a control below the
 * fold, confirm a dialog, create a key in the Create-key dialog, read an error box or a text off the screen.
 *
 * <p>A subclass still carries {@code @ResourceLock(UiTests.JAVAFX)} itself, so it reads as a UI test class where it
 * is declared.
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

    /** The Key Lab's shared state: engine, selected key, caller, revision. */
    protected KeyLabSession session() {
        return app.app().keyLab();
    }

    /**
     * Waits for a condition that engine calls on worker threads make true (see {@link AppDriver#until}); engine calls
     * run on worker threads in the real app, so every check of their answer waits.
     */
    protected void until(BooleanSupplier condition) throws Exception {
        app.until(condition);
    }

    protected TableView<KeyRow> keysTable() {
        return app.find("#keys-table");
    }

    /** Clicks a Key Lab tab header and waits for its view. */
    protected void tab(String tabId, String viewQuery) throws Exception {
        app.clickOn("#" + tabId);
        app.waitFor(viewQuery);
    }

    /** Clicks a control that may sit below the fold of a scrolling pane: waits for it and scrolls to it first. */
    protected void click(String query) throws Exception {
        app.waitFor(query);
        app.scrollIntoView(query);
        app.clickOn(query);
    }

    /** Clicks OK in the confirmation dialog that the last action opened. */
    protected void confirm() throws Exception {
        app.waitFor("#confirm-ok");
        app.clickOn("#confirm-ok");
    }

    /** Creates a symmetric key from the Keys tab's Create-key dialog, typing only its alias (without "alias/"). */
    protected void createKeyInTheDialog(String alias) throws Exception {
        app.clickOn("#create-key");
        app.waitFor("#new-key-alias");
        app.clickOn("#new-key-alias").write(alias);
        app.clickOn("#create-key-ok");
    }

    /** The headline of an error box, or "" while it is hidden. */
    protected String error(String query) {
        ErrorBox box = app.find(query);
        return box.isVisible() ? box.headlineText() : "";
    }

    /** The text of a label, button or text field. */
    protected String text(String query) {
        Node node = app.find(query);
        return node instanceof TextInputControl t ? t.getText() : ((Labeled) node).getText();
    }
}
