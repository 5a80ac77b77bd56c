package dev.kmslab.ui.finish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.ui.AppDriver;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.common.ErrorBox;
import dev.kmslab.ui.keylab.keys.KeyRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.util.WaitForAsyncUtils;

/** Text the learner must read is whole, apart and in readable colours, on a laptop and at a large zoom. */
@ResourceLock(UiTests.JAVAFX)
class ReadabilityUiTest {

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();

    @BeforeEach
    void start() throws Exception {
        app.start(data);
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    private void zoomTo(String percent) throws Exception {
        Label zoom = app.find("#zoom-label");
        for (int i = 0; i < 10 && !zoom.getText().equals("Zoom " + percent); i++) {
            app.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(zoom.getText()).isEqualTo("Zoom " + percent);
    }

    private void tab(String id, String viewQuery) throws Exception {
        app.clickOn("#" + id);
        app.waitFor(viewQuery);
    }

    private String keyWithAlias() throws Exception {
        app.openKeyLab();
        String id = FinishFixture.createKey(app, "alias/orders");
        TableView<KeyRow> table = app.find("#keys-table");
        app.until(() -> table.getItems().size() == 1);
        return id;
    }

    private static double luminance(Color c) {
        double[] rgb = {c.getRed(), c.getGreen(), c.getBlue()};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static Color background(javafx.scene.layout.Region region) {
        Color found = Color.WHITE;
        if (region.getBackground() != null) {
            for (BackgroundFill fill : region.getBackground().getFills()) {
                Paint paint = fill.getFill();
                if (paint instanceof Color c && c.getOpacity() > 0.5) {
                    found = c;
                }
            }
        }
        return found;
    }

    @Test
    void selectedKeysRow_showsItsStateInAReadableColour() throws Exception {
        keyWithAlias();
        TableView<KeyRow> table = app.find("#keys-table");
        app.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> state = app.lookup(".state-Enabled").query();
        TableRow<?> row = state.getTableRow();
        assertThat(row.isSelected()).isTrue();
        double ratio = contrast((Color) state.getTextFill(), background(row));
        assertThat(ratio).as("contrast of the state text on the selected row").isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void specColumn_showsTheWholeSpec_at150Percent() throws Exception {
        keyWithAlias();
        zoomTo("150%");
        app.until(() -> app.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .anyMatch(c -> "SYMMETRIC_DEFAULT".equals(c.getText())));
        List<Labeled> cut = new ArrayList<>();
        for (TableCell<?, ?> cell : app.lookup("#keys-table .table-cell").queryAllAs(TableCell.class)) {
            if (FinishFixture.isCut(cell)) {
                cut.add(cell);
            }
        }
        assertThat(cut).extracting(Labeled::getText).doesNotContain("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT");
    }

    @Test
    void principalForm_showsTheWholeAccountId_at1024x640() throws Exception {
        app.openKeyLab();
        FinishFixture.resize(app, 1024, 640);
        tab("keylab-tab-policies", "#principals");
        app.scrollIntoView("#principal-account");
        TextField account = app.find("#principal-account");
        app.until(() -> account.getText().length() == 12);
        Text probe = new Text(account.getText());
        probe.setFont(account.getFont());
        double room = account.getWidth() - account.getInsets().getLeft() - account.getInsets().getRight();
        assertThat(room).isGreaterThanOrEqualTo(probe.getLayoutBounds().getWidth());
    }

    @Test
    void rotationTimelineLabels_neverOverlap_whenVersionsAreCloseTogether() throws Exception {
        String id = keyWithAlias();
        KmsEngine engine = app.app().keyLab().engine();
        engine.rotateKeyOnDemand(CallerContext.root(engine.account()), new RotateKeyOnDemandRequest(id));
        engine.rotateKeyOnDemand(CallerContext.root(engine.account()), new RotateKeyOnDemandRequest(id));
        app.interact(() -> {
            app.app().keyLab().selectedKeyIdProperty().set(id);
            app.app().keyLab().changed();
        });
        tab("keylab-tab-rotation", "#rotation-view");
        app.until(() -> app.lookup("#rotation-timeline .timeline-version").queryAll().size() == 3);
        List<Bounds> labels = WaitForAsyncUtils.asyncFx(() -> {
            List<Bounds> b = new ArrayList<>();
            for (Node n : app.lookup("#rotation-timeline .timeline-label").queryAll()) {
                if (n instanceof Text t && t.getText().matches("v\\d+|now .*|next .*|deleted .*")) {
                    b.add(t.getBoundsInParent());
                }
            }
            return b;
        }).get();
        assertThat(labels).hasSizeGreaterThanOrEqualTo(4);
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(labels.get(i).intersects(labels.get(j))).as("labels %d and %d overlap", i, j).isFalse();
            }
        }
    }

    @Test
    void anError_doesNotPushEncryptAndDecryptDown() throws Exception {
        app.openKeyLab();
        tab("keylab-tab-playground", "#playground-view");
        ComboBox<String> key = app.find("#pg-key");
        Button encrypt = app.find("#pg-encrypt");
        double before = encrypt.localToScene(0, 0).getY();
        app.interact(() -> key.setValue("alias/does-not-exist"));
        app.clickOn("#pg-encrypt");
        ErrorBox error = app.find("#pg-error");
        app.until(error::isVisible);
        assertThat(encrypt.localToScene(0, 0).getY()).isEqualTo(before);
    }

    @Test
    void keyLabToolbar_at1024x640_keepsEveryButtonLabelWhole() throws Exception {
        app.openKeyLab();
        FinishFixture.resize(app, 1024, 640);
        double width = FinishFixture.mainWindow(app).getWidth();
        for (String id : List.of("#clock-plus-day", "#clock-plus-month", "#clock-plus-year", "#clock-next-event",
                "#clock-real-time", "#create-key")) {
            Button button = app.find(id);
            assertThat(FinishFixture.isCut(button)).as(id + " shows " + FinishFixture.shownText(button)).isFalse();
            assertThat(button.localToScene(button.getBoundsInLocal()).getMaxX()).as(id).isLessThanOrEqualTo(width);
        }
    }

    @Test
    void conceptCards_showWholeTitles_at1024x640_and150Percent() throws Exception {
        FinishFixture.resize(app, 1024, 640);
        zoomTo("150%");
        List<String> cut = new ArrayList<>();
        for (Labeled title : app.lookup("#concept-cards .card-title").queryAllAs(Labeled.class)) {
            if (FinishFixture.isCut(title)) {
                cut.add(title.getText() + " -> " + FinishFixture.shownText(title));
            }
        }
        assertThat(cut).isEmpty();
    }

    @Test
    void choosingSignVerify_movesTheKeySpecToOneThatFits() throws Exception {
        app.openKeyLab();
        app.clickOn("#create-key");
        app.waitFor("#new-key-usage");
        ComboBox<KeyUsage> usage = app.find("#new-key-usage");
        ComboBox<KeySpec> spec = app.find("#new-key-spec");
        app.interact(() -> usage.setValue(KeyUsage.SIGN_VERIFY));
        assertThat(spec.getValue()).isNotEqualTo(KeySpec.SYMMETRIC_DEFAULT);
        assertThat(spec.getValue().name()).matches("ECC_.*|RSA_.*");
        app.interact(() -> usage.setValue(KeyUsage.GENERATE_VERIFY_MAC));
        assertThat(spec.getValue().name()).startsWith("HMAC_");
        app.interact(() -> usage.setValue(KeyUsage.ENCRYPT_DECRYPT));
        assertThat(spec.getValue()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
        app.clickOn("Cancel");
    }
}
