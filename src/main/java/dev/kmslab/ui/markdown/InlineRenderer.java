package dev.kmslab.ui.markdown;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;

/** Renders a block's inline children (text, emphasis, code, links) into one wrapping {@link TextFlow}. */
final class InlineRenderer {

    private final LinkHandler links;

    InlineRenderer(LinkHandler links) {
        this.links = links;
    }

    TextFlow flow(org.commonmark.node.Node block, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        List<Node> nodes = new ArrayList<>();
        appendChildren(block, List.of(), nodes);
        flow.getChildren().setAll(nodes);
        return flow;
    }

    private void appendChildren(org.commonmark.node.Node parent, List<String> styles, List<Node> out) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            append(n, styles, out);
        }
    }

    private void append(org.commonmark.node.Node node, List<String> styles, List<Node> out) {
        if (node instanceof org.commonmark.node.Text t) {
            out.add(text(t.getLiteral(), styles));
        } else if (node instanceof SoftLineBreak) {
            out.add(text(" ", styles));
        } else if (node instanceof HardLineBreak) {
            out.add(text("\n", styles));
        } else if (node instanceof Emphasis) {
            appendChildren(node, with(styles, "md-em"), out);
        } else if (node instanceof StrongEmphasis) {
            appendChildren(node, with(styles, "md-strong"), out);
        } else if (node instanceof Code code) {
            Label label = new Label(code.getLiteral());
            label.getStyleClass().add("md-code");
            out.add(label);
        } else if (node instanceof Link link) {
            out.add(link(link));
        } else if (node instanceof Image image) {
            appendChildren(image, with(styles, "md-em"), out);
        } else if (node instanceof HtmlInline html) {
            out.add(text(html.getLiteral(), styles));
        } else {
            appendChildren(node, styles, out);
        }
    }

    private Node link(Link link) {
        StringBuilder label = new StringBuilder();
        collectText(link, label);
        Hyperlink hyperlink = new Hyperlink(label.toString());
        hyperlink.getStyleClass().add("md-link");
        String destination = link.getDestination();
        hyperlink.setUserData(destination);
        if (destination.startsWith("http")) {
            hyperlink.getStyleClass().add("md-link-external");
        }
        hyperlink.setOnAction(e -> {
            hyperlink.setVisited(false);
            links.open(destination);
        });
        return hyperlink;
    }

    private static void collectText(org.commonmark.node.Node node, StringBuilder into) {
        for (org.commonmark.node.Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                into.append(t.getLiteral());
            } else if (n instanceof Code c) {
                into.append(c.getLiteral());
            } else {
                collectText(n, into);
            }
        }
    }

    private static Text text(String literal, List<String> styles) {
        Text text = new Text(literal);
        text.getStyleClass().add("md-text");
        text.getStyleClass().addAll(styles);
        return text;
    }

    private static List<String> with(List<String> styles, String style) {
        List<String> out = new ArrayList<>(styles);
        out.add(style);
        return out;
    }
}
