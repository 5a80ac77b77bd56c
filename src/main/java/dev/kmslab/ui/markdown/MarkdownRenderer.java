package dev.kmslab.ui.markdown;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Turns Markdown into native JavaFX nodes by walking commonmark's syntax tree, so pages scale with the UI zoom, follow
 * the theme and need no WebView (which would cost seconds of start-up and megabytes of memory).
 */
public final class MarkdownRenderer {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private final InlineRenderer inlines;

    public MarkdownRenderer(LinkHandler links) {
        this.inlines = new InlineRenderer(links);
    }

    /** A vertical stack of the document's blocks, styled by the {@code .markdown} rules in the app's CSS. */
    public VBox render(String markdown) {
        VBox box = new VBox();
        box.getStyleClass().add("markdown");
        appendBlocks(PARSER.parse(markdown), box);
        return box;
    }

    private void appendBlocks(org.commonmark.node.Node parent, VBox into) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            Node block = block(n);
            if (block != null) {
                into.getChildren().add(block);
            }
        }
    }

    private Node block(org.commonmark.node.Node node) {
        if (node instanceof Heading h) {
            Node flow = inlines.flow(h, "md-h" + h.getLevel());
            flow.getStyleClass().add("md-heading");
            return flow;
        }
        if (node instanceof Paragraph p) {
            return inlines.flow(p, "md-p");
        }
        if (node instanceof BulletList || node instanceof OrderedList) {
            return list((org.commonmark.node.ListBlock) node);
        }
        if (node instanceof FencedCodeBlock code) {
            return codeBlock(code.getLiteral());
        }
        if (node instanceof IndentedCodeBlock code) {
            return codeBlock(code.getLiteral());
        }
        if (node instanceof BlockQuote quote) {
            VBox box = new VBox();
            box.getStyleClass().add("md-quote");
            appendBlocks(quote, box);
            return box;
        }
        if (node instanceof TableBlock table) {
            return new TableRenderer(inlines).render(table);
        }
        if (node instanceof ThematicBreak) {
            Region rule = new Region();
            rule.getStyleClass().add("md-rule");
            return rule;
        }
        if (node instanceof HtmlBlock html) {
            return codeBlock(html.getLiteral());
        }
        return null;
    }

    private Node list(org.commonmark.node.ListBlock list) {
        VBox box = new VBox();
        box.getStyleClass().add("md-list");
        int number = list instanceof OrderedList ol && ol.getMarkerStartNumber() != null
                ? ol.getMarkerStartNumber() : 1;
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            Label marker = new Label(list instanceof OrderedList ? (number++) + "." : "•");
            marker.getStyleClass().add("md-list-marker");
            marker.setMinWidth(Region.USE_PREF_SIZE);
            VBox content = new VBox();
            content.getStyleClass().add("md-list-content");
            appendBlocks(item, content);
            HBox.setHgrow(content, Priority.ALWAYS);
            HBox row = new HBox(marker, content);
            row.getStyleClass().add("md-list-item");
            box.getChildren().add(row);
        }
        return box;
    }

    private static Node codeBlock(String literal) {
        Label code = new Label(literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal);
        code.getStyleClass().add("md-codeblock");
        code.setMaxWidth(Double.MAX_VALUE);
        code.setWrapText(true);
        return code;
    }
}
