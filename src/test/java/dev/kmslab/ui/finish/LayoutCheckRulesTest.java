package dev.kmslab.ui.finish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.WholeWordsLabel;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxToolkit;

/**
 * The layout check's rules for cut-off nodes and words broken mid-word, on small scenes built for them: each rule
 * fires on the defect and stays quiet on the fixed layout.
 */
@ResourceLock(UiTests.JAVAFX)
class LayoutCheckRulesTest {

    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            FxToolkit.setupFixture(stage::close);
        }
    }

    @Test
    void aWordWiderThanTheWrappingWidth_isReportedAsBrokenMidWord_andWholeWordsLabelKeepsItWhole() throws Exception {
        Label plain = new Label("SYMMETRIC_DEFAULT / ENCRYPT_DECRYPT");
        plain.setId("plain");
        plain.setWrapText(true);
        plain.setMaxWidth(90);
        List<String> broken = check(new VBox(plain), 400, 200);
        // At 90 px "SYMMETRIC_" / "DEFAULT" may happen to break after its underscore; "ENCRYPT_DECRYPT" breaks inside
        // a part ("ENCRYPT_DE" / "CRYPT").
        assertThat(broken).anySatisfy(p -> assertThat(p).startsWith("broken mid-word: 'ENCRYPT_DECRYPT' needs")
                .contains("Label#plain").containsPattern(", at '[A-Z_]*[A-Z]\\|[A-Z_]*'"));

        Label whole = new WholeWordsLabel("SYMMETRIC_DEFAULT / ENCRYPT_DECRYPT");
        whole.setId("whole");
        HBox narrow = new HBox(whole);
        narrow.setMaxWidth(90);
        assertThat(check(new VBox(narrow), 400, 200)).noneMatch(p -> p.startsWith("broken mid-word"));
        assertThat(whole.getWidth()).isGreaterThan(90);
    }

    @Test
    void aLongUnderscoreName_brokenInsideAPart_isReported_butBrokenAfterAnUnderscore_isNot() throws Exception {
        String suite = "Algorithm ID = 0x0578 ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384";
        Label plain = new Label(suite);
        plain.setId("suite");
        plain.setWrapText(true);
        plain.setMaxWidth(150);
        List<String> broken = check(new VBox(plain), 400, 300);
        // Every part fits the line, but JavaFX wraps only at white space, so it broke the name inside a part.
        assertThat(broken).anySatisfy(p -> assertThat(p)
                .startsWith("broken mid-word: 'ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384' needs")
                .contains("Label#suite").containsPattern(", at '[A-Z0-9_]*[A-Z0-9]\\|[A-Z0-9]"));

        Label parts = new WholeWordsLabel(WholeWordsLabel.breakAfterUnderscores(suite));
        parts.setId("parts");
        HBox narrow = new HBox(parts);
        narrow.setMaxWidth(150);
        assertThat(check(new VBox(narrow), 400, 300)).noneMatch(p -> p.startsWith("broken mid-word"));
        // It did wrap (four lines or more in 150 px), only after underscores, and kept to its 150 px.
        assertThat(parts.getHeight()).isGreaterThan(3.5 * parts.getFont().getSize());
        assertThat(parts.getWidth()).isLessThanOrEqualTo(150);
        assertThat(LayoutCheck.brokenInside(labeledText(parts), 0, parts.getText().length())).isEmpty();
    }

    @Test
    void breakAfterUnderscores_marksOnlyLongNames() {
        assertThat(WholeWordsLabel.breakAfterUnderscores("Spec SYMMETRIC_DEFAULT, RSAES_OAEP_SHA_256"))
                .isEqualTo("Spec SYMMETRIC_DEFAULT, RSAES_OAEP_SHA_256");
        assertThat(WholeWordsLabel.breakAfterUnderscores("0x0578 ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384."))
                .isEqualTo("0x0578 ALG_\u200AAES_\u200A256_\u200AGCM_\u200AHKDF_\u200ASHA512_\u200ACOMMIT_\u200AKEY_"
                        + "\u200AECDSA_\u200AP384.");
    }

    private static javafx.scene.text.Text labeledText(Label label) {
        return (javafx.scene.text.Text) label.getChildrenUnmodifiable().stream()
                .filter(n -> n.getClass().getSimpleName().equals("LabeledText")).findFirst().orElseThrow();
    }

    @Test
    void anArnOrBase64_mayBreakAnywhere() throws Exception {
        Label arn = new Label("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        arn.setWrapText(true);
        arn.setMaxWidth(120);
        assertThat(check(new VBox(arn), 400, 200)).noneMatch(p -> p.startsWith("broken mid-word"));
        assertThat(LayoutCheck.identifier("AQIDAHhBase64Blob0123456789+/=")).isTrue();
        assertThat(LayoutCheck.identifier("SYMMETRIC_DEFAULT")).isFalse();
        assertThat(LayoutCheck.identifier("GenerateDataKeyWithoutPlaintext")).isFalse();
        assertThat(LayoutCheck.identifier("o4xTmVuoiObhwuClXjY_gjjhKiDp8PoyjGBkbCh6xC7om")).isTrue();
        assertThat(LayoutCheck.identifier("ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384")).isFalse();
        assertThat(WholeWordsLabel.identifier("o4xTmVuoiObhwuClXjY_gjjhKiDp8PoyjGBkbCh6xC7om")).isTrue();
        assertThat(WholeWordsLabel.breakAfterUnderscores("o4xTmVuoiObhwuClXjY_gjjhKiDp8_PoyjGBkbC_h6xC7om"))
                .isEqualTo("o4xTmVuoiObhwuClXjY_gjjhKiDp8_PoyjGBkbC_h6xC7om");
    }

    @Test
    void aButtonPastTheEdgeOfAClippedPane_isReportedWithHowFar_butNotInsideAScrollPaneThatScrollsToIt()
            throws Exception {
        Button export = new Button("Export JSON Lines…");
        export.setId("export");
        export.setMinWidth(Button.USE_PREF_SIZE);
        HBox bar = new HBox(export);
        Pane tab = new Pane(bar);
        tab.setPrefSize(80, 60);
        tab.setMaxSize(80, 60);
        tab.setClip(new Rectangle(80, 60));
        List<String> cut = check(new VBox(tab), 400, 200);
        assertThat(cut).anySatisfy(p -> assertThat(p).startsWith("cut off: Button#export 'Export JSON Lines…'")
                .containsPattern("sticks out \\d+ px past the right edge of"));

        Button inside = new Button("Export JSON Lines…");
        inside.setMinWidth(Button.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(new HBox(inside));
        scroll.setMaxSize(80, 80);
        assertThat(check(new VBox(scroll), 400, 200)).noneMatch(p -> p.startsWith("cut off"));

        // Fitted to its width, a scroll pane is not read by scrolling sideways: the cut counts.
        Button fitted = new Button("Export JSON Lines…");
        fitted.setId("fitted");
        fitted.setMinWidth(Button.USE_PREF_SIZE);
        ScrollPane fit = new ScrollPane(new HBox(fitted));
        fit.setFitToWidth(true);
        fit.setMaxSize(80, 80);
        assertThat(check(new VBox(fit), 400, 200)).anySatisfy(p -> assertThat(p)
                .startsWith("cut off: Button#fitted"));
    }

    private List<String> check(javafx.scene.Parent root, double width, double height) throws Exception {
        AtomicReference<List<String>> problems = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            if (stage == null) {
                stage = new Stage();
            }
            stage.setScene(new Scene(root, width, height));
            stage.show();
            root.applyCss();
            root.layout();
            root.layout();
            problems.set(LayoutCheck.problems(stage.getScene()));
        });
        return problems.get();
    }
}
