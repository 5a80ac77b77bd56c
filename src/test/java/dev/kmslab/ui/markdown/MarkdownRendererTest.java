package dev.kmslab.ui.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.ui.UiTests;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxToolkit;

@ResourceLock(UiTests.JAVAFX)
class MarkdownRendererTest {

    private final List<String> opened = new ArrayList<>();
    private final MarkdownRenderer renderer = new MarkdownRenderer(opened::add);

    @BeforeAll
    static void toolkit() throws Exception {
        // Controls need a running toolkit even when never shown.
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void headingsAndParagraphsBecomeStyledTextFlows() {
        VBox box = renderer.render("# Title\n\nSome *soft* and **strong** text.\n\n### Small");
        assertThat(box.getChildren()).hasSize(3);
        TextFlow h1 = (TextFlow) box.getChildren().get(0);
        assertThat(h1.getStyleClass()).contains("md-h1", "md-heading");
        assertThat(text(h1)).isEqualTo("Title");
        TextFlow p = (TextFlow) box.getChildren().get(1);
        assertThat(text(p)).isEqualTo("Some soft and strong text.");
        assertThat(p.getChildren()).filteredOn(n -> n.getStyleClass().contains("md-em"))
                .extracting(n -> ((Text) n).getText()).containsExactly("soft");
        assertThat(p.getChildren()).filteredOn(n -> n.getStyleClass().contains("md-strong"))
                .extracting(n -> ((Text) n).getText()).containsExactly("strong");
        assertThat(box.getChildren().get(2).getStyleClass()).contains("md-h3");
    }

    @Test
    void linksCallTheHandlerWithTheirDestination() {
        VBox box = renderer.render("See [rotation](concept:key-rotation) and [the docs](https://docs.aws.amazon.com/kms/).");
        List<Hyperlink> links = all(box, Hyperlink.class);
        assertThat(links).extracting(Hyperlink::getText).containsExactly("rotation", "the docs");
        assertThat(links.get(1).getStyleClass()).contains("md-link-external");
        links.forEach(Hyperlink::fire);
        assertThat(opened).containsExactly("concept:key-rotation", "https://docs.aws.amazon.com/kms/");
    }

    @Test
    void listsKeepTheirNumbersAndNesting() {
        VBox box = renderer.render("3. three\n4. four\n   - inner\n");
        List<Label> markers = all(box, Label.class).stream()
                .filter(l -> l.getStyleClass().contains("md-list-marker")).toList();
        assertThat(markers).extracting(Label::getText).containsExactly("3.", "4.", "•");
    }

    @Test
    void inlineCodeAndCodeBlocksUseCodeStyles() {
        VBox box = renderer.render("Call `GenerateDataKey`.\n\n```bash\naws kms encrypt --key-id alias/app\n```\n");
        assertThat(all(box, Label.class)).filteredOn(l -> l.getStyleClass().contains("md-code"))
                .extracting(Label::getText).containsExactly("GenerateDataKey");
        assertThat(all(box, Label.class)).filteredOn(l -> l.getStyleClass().contains("md-codeblock"))
                .extracting(Label::getText).containsExactly("aws kms encrypt --key-id alias/app");
    }

    @Test
    void tablesBecomeGridsWithHeaderCells() {
        VBox box = renderer.render("| Key | Rotation |\n|---|---|\n| AWS managed | yearly |\n| Customer | optional |\n");
        GridPane grid = (GridPane) box.getChildren().get(0);
        assertThat(grid.getChildren()).hasSize(6);
        assertThat(grid.getChildren()).filteredOn(n -> n.getStyleClass().contains("md-th"))
                .extracting(n -> text((TextFlow) n)).containsExactly("Key", "Rotation");
        assertThat(grid.getColumnConstraints()).hasSize(2);
    }

    private static String text(TextFlow flow) {
        StringBuilder sb = new StringBuilder();
        for (Node n : flow.getChildren()) {
            if (n instanceof Text t) {
                sb.append(t.getText());
            } else if (n instanceof Label l) {
                sb.append(l.getText());
            } else if (n instanceof Hyperlink h) {
                sb.append(h.getText());
            }
        }
        return sb.toString();
    }

    private static <T> List<T> all(Parent root, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Node n : root.getChildrenUnmodifiable()) {
            if (type.isInstance(n)) {
                out.add(type.cast(n));
            }
            if (n instanceof Parent p) {
                out.addAll(all(p, type));
            }
        }
        return out;
    }
}
