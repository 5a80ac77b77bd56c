package dev.kmslab.ui.finish;

import dev.kmslab.ui.common.WholeWordsLabel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Shape;

/**
 * Walks a window's scene graph after layout and lists what a person would see as broken: a label whose text was cut
 * with an ellipsis (unless its full text is a tooltip away), a control that sticks out of the window, and controls or
 * labels laid on top of each other inside one container. Text in a scroll pane or a list is reachable by scrolling,
 * so only its cut text counts, not its position.
 *
 * <p>Run it on the FX thread after {@code applyCss()} and {@code layout()}.
 */
final class LayoutCheck {

    /** A part of the screen that may legitimately end in an ellipsis (a card's one-line summary, say). */
    static final String MAY_CUT = "may-cut";

    /**
     * Text that may wrap anywhere, not only at spaces, because it has no words: an ARN, a key id, base64. A word
     * such as {@code SYMMETRIC_DEFAULT} must never carry it.
     */
    static final String MAY_BREAK = "may-break";

    /** Overflow and widths within this many pixels count as fitting (layout rounds to whole pixels). */
    private static final double SLACK = 1.5;

    private final List<String> problems = new ArrayList<>();
    private Bounds window;
    private boolean clipsAndWords = true;

    private LayoutCheck() {
    }

    static List<String> problems(Scene scene) {
        return problems(scene, true);
    }

    /**
     * @param clipsAndWords whether to look for nodes cut off by a clipping container and for words broken mid-word
     *                      as well as for the rest
     */
    static List<String> problems(Scene scene, boolean clipsAndWords) {
        LayoutCheck check = new LayoutCheck();
        check.clipsAndWords = clipsAndWords;
        check.window = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        check.walk(scene.getRoot(), false);
        return check.problems;
    }

    private void walk(Node node, boolean scrolled) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled && !mayCut(labeled)) {
            cutText(labeled);
        }
        if (node instanceof Control control && !scrolled && !inControlSkin(node)) {
            outsideWindow(control);
        }
        // What sits in a text flow is laid out line by line by the flow: its bounds span lines and trailing spaces.
        if (clipsAndWords && (node instanceof Control || node instanceof javafx.scene.text.Text)
                && !(node.getParent() instanceof javafx.scene.text.TextFlow) && !inControlSkin(node)
                && !inTabHeaders(node) && !node.getStyleClass().contains("overlay")) {
            clipped(node);
        }
        if (clipsAndWords && node instanceof javafx.scene.text.Text text) {
            brokenMidWord(text);
        }
        if (node instanceof Parent parent) {
            if (parent instanceof Pane pane && !(pane instanceof StackPane) && !inControlSkin(pane)) {
                overlaps(pane);
            }
            boolean inner = scrolled || parent instanceof ScrollPane || parent.getClass().getSimpleName()
                    .equals("VirtualFlow") || parent.getClip() != null;
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, inner);
            }
        }
    }

    private static boolean mayCut(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains(MAY_CUT)) {
                return true;
            }
        }
        return false;
    }

    // A control's own parts (a combo box's arrow, a tab header) are the skin's business, and a cut inside them shows
    // on the control's own text.
    private static boolean inControlSkin(Node node) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Control && !(p instanceof ScrollPane) && !p.getClass().getSimpleName().equals("SplitPane")
                    && !(p instanceof javafx.scene.control.TabPane)
                    && !(p instanceof javafx.scene.control.TitledPane)) {
                return true;
            }
        }
        return false;
    }

    private void cutText(Labeled labeled) {
        String text = labeled.getText();
        if (text == null || text.isBlank() || labeled.getWidth() <= 0 || !onScreen(labeled)) {
            return;
        }
        String shown = FinishFixture.shownText(labeled);
        if (shown.equals(text)) {
            return;
        }
        Tooltip tip = labeled.getTooltip();
        if (tip != null && tip.getText() != null && tip.getText().contains(text.strip())) {
            return;
        }
        problems.add(String.format(Locale.ROOT, "cut: %s shows '%s' of '%s'", describe(labeled), shown,
                abbreviate(text)));
    }

    private boolean onScreen(Node node) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        return b.getWidth() > 0 && b.getHeight() > 0 && b.intersects(window);
    }

    private void outsideWindow(Control control) {
        Bounds b = control.localToScene(control.getLayoutBounds());
        if (b.getWidth() <= 0 || b.getHeight() <= 0) {
            return;
        }
        if (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > window.getMaxX() + 1
                || b.getMaxY() > window.getMaxY() + 1) {
            problems.add(String.format(Locale.ROOT, "outside the %.0fx%.0f window: %s at x %.0f-%.0f, y %.0f-%.0f",
                    window.getWidth(), window.getHeight(), describe(control), b.getMinX(), b.getMaxX(), b.getMinY(),
                    b.getMaxY()));
        }
    }

    /**
     * A node that sticks out of a container that cuts it off: one with a clip (a tab's content, a split pane's side)
     * or a region that did not grow to hold it (its content is then drawn over its neighbours, or cut by a clip
     * further up). Inside a scroll pane the node can be scrolled to, along the axes the scroll pane scrolls, so the
     * containers outside the scroll pane do not count along those axes; the scroll pane's content still has to hold
     * it.
     */
    private void clipped(Node node) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        if (b.getWidth() <= 0 || b.getHeight() <= 0 || !b.intersects(window)) {
            return;
        }
        boolean checkX = true;
        boolean checkY = true;
        double worst = SLACK;
        String found = null;
        for (Parent p = node.getParent(); p != null && (checkX || checkY); p = p.getParent()) {
            String kind = p.getClass().getSimpleName();
            if (kind.equals("VirtualFlow") || kind.equals("ClippedContainer")) {
                // A list's or table's cells are scrolled into view; their width is the control's business.
                return;
            }
            // The scroll pane's own viewport and the scroll pane itself show the content scrolled to the node. One
            // that fits its content to its width is not meant to scroll sideways: a scroll bar it shows anyway only
            // means the content did not fit, and a form cut at its right edge is not read by scrolling.
            ScrollPane scroll = p instanceof ScrollPane s ? s
                    : p.getClass().getName().contains("ScrollPaneSkin") ? enclosingScrollPane(p) : null;
            if (scroll != null) {
                // ... unless it says it scrolls sideways below its content's minimum width (the service map).
                checkX &= scroll.getHbarPolicy() == ScrollPane.ScrollBarPolicy.NEVER
                        || scroll.isFitToWidth() && !scroll.getStyleClass().contains("scrolls-sideways");
                checkY &= scroll.getVbarPolicy() == ScrollPane.ScrollBarPolicy.NEVER;
            }
            Bounds area;
            if (p.getClip() != null) {
                area = p.localToScene(p.getClip().getBoundsInParent());
            } else if (p instanceof javafx.scene.layout.Region) {
                area = p.localToScene(p.getLayoutBounds());
            } else {
                continue;
            }
            double over = 0;
            String side = "";
            if (checkX && b.getMaxX() - area.getMaxX() > over) {
                over = b.getMaxX() - area.getMaxX();
                side = "right";
            }
            if (checkX && area.getMinX() - b.getMinX() > over) {
                over = area.getMinX() - b.getMinX();
                side = "left";
            }
            if (checkY && b.getMaxY() - area.getMaxY() > over) {
                over = b.getMaxY() - area.getMaxY();
                side = "bottom";
            }
            if (checkY && area.getMinY() - b.getMinY() > over) {
                over = area.getMinY() - b.getMinY();
                side = "top";
            }
            if (over > worst) {
                worst = over;
                found = String.format(Locale.ROOT, "%.0f px past the %s edge of %s", over, side, describeBare(p));
            }
        }
        if (found != null) {
            problems.add("cut off: " + describe(node) + " sticks out " + found);
        }
    }

    /**
     * A word that is wider than the width its wrapped text may take: JavaFX then breaks it mid-word
     * ("SYMMETRIC_DEF" / "AULT"). Measured with the text's own font; the text of a text field or area, which
     * scrolls or breaks anywhere by design, does not count. A long name of parts joined by underscores may wrap after
     * an underscore ("ALG_AES_256_GCM_" / "HKDF_SHA512_…"), never inside a part ("GCM_H" / "KDF"): where such a name
     * does not fit, the lines the text was actually laid out in say where it broke.
     */
    private void brokenMidWord(javafx.scene.text.Text text) {
        String shown = text.getText();
        if (shown == null || shown.isBlank() || mayBreak(text) || inTextInput(text)) {
            return;
        }
        double width = text.getWrappingWidth();
        if (width <= 0 && text.getParent() instanceof javafx.scene.text.TextFlow flow) {
            width = flow.getWidth() - flow.snappedLeftInset() - flow.snappedRightInset();
        }
        if (width <= 0) {
            return;
        }
        javafx.scene.text.Text ruler = new javafx.scene.text.Text();
        ruler.setFont(text.getFont());
        java.util.regex.Matcher words = WORD.matcher(shown);
        while (words.find()) {
            String token = words.group();
            if (identifier(token)) {
                continue;
            }
            ruler.setText(token);
            double need = ruler.getLayoutBounds().getWidth();
            if (need <= width + SLACK) {
                continue;
            }
            String inside = brokenInside(text, words.start(), words.end());
            if (inside.isEmpty()) {
                continue;
            }
            Node owner = text.getParent() instanceof Labeled labeled ? labeled
                    : text.getParent() instanceof javafx.scene.text.TextFlow flow ? flow : text;
            problems.add(String.format(Locale.ROOT, "broken mid-word: '%s' needs %.0f px, %s wraps at %.0f px%s",
                    abbreviate(token), need, describe(owner), width, inside));
        }
    }

    /** A word as JavaFX wraps text: between white space, a hair space included. */
    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[^\\s\u200A]+");

    /**
     * Where the word at {@code [start, end)} of the text was broken other than after an underscore: {@code ", at
     * 'GCM_H|KDF'"}, or empty when every break in it follows an underscore. A text in a text flow is laid out by the
     * flow, so its lines are not known here: a word too wide for it counts as broken.
     */
    static String brokenInside(javafx.scene.text.Text text, int start, int end) {
        if (text.getParent() instanceof javafx.scene.text.TextFlow) {
            return " (in a text flow)";
        }
        String s = text.getText();
        double line = lineTop(text, start);
        boolean broken = false;
        for (int i = start + 1; i < end; i++) {
            double top = lineTop(text, i);
            if (top > line + 0.5) {
                // A break at white space (a hair space after an underscore too) or right after an underscore is fine.
                if (s.charAt(i - 1) != '_' && !Character.isWhitespace(s.charAt(i - 1))) {
                    int from = Math.max(start, i - 5);
                    int to = Math.min(end, i + 5);
                    return ", at '" + s.substring(from, i) + "|" + s.substring(i, to) + "'";
                }
                broken = true;
            }
            line = top;
        }
        // A word wider than its line that was not wrapped at all sticks out of it.
        return broken ? "" : ", not wrapped";
    }

    private static double lineTop(javafx.scene.text.Text text, int index) {
        javafx.scene.shape.PathElement[] caret = text.caretShape(index, true);
        return caret.length > 0 && caret[0] instanceof javafx.scene.shape.MoveTo move ? move.getY() : 0;
    }

    // A tab pane scrolls its headers to the selected tab and lists the ones out of sight in its overflow menu.
    private static boolean inTabHeaders(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("tab-header-area")) {
                return true;
            }
        }
        return false;
    }

    private static ScrollPane enclosingScrollPane(Node node) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane scroll) {
                return scroll;
            }
        }
        return null;
    }

    /**
     * A token with no word in it, which may break anywhere: an ARN, or a long run of letters and digits without an
     * underscore (a key id, a UUID, Base64, hex) or with underscores and both cases (base64url, a grant token).
     * {@code SYMMETRIC_DEFAULT} and {@code GenerateDataKey} are words.
     */
    static boolean identifier(String token) {
        // The same rule the app's labels wrap by, so the check and the labels cannot disagree.
        return WholeWordsLabel.identifier(token);
    }

    private static boolean mayBreak(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains(MAY_BREAK)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inTextInput(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.TextInputControl) {
                return true;
            }
        }
        return false;
    }

    private void overlaps(Pane pane) {
        List<Node> boxes = new ArrayList<>();
        for (Node child : pane.getChildrenUnmodifiable()) {
            if (child.isVisible() && !(child instanceof Shape) && child.getOpacity() > 0 && holdsText(child)
                    && !child.getStyleClass().contains("overlay")) {
                boxes.add(child);
            }
        }
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                // Layout bounds, not bounds in parent: a glow or shadow may spill over a neighbour.
                Bounds a = boxes.get(i).localToParent(boxes.get(i).getLayoutBounds());
                Bounds b = boxes.get(j).localToParent(boxes.get(j).getLayoutBounds());
                double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                if (w > 2 && h > 2) {
                    problems.add(String.format(Locale.ROOT, "overlap: %s and %s (%.0fx%.0f px) in %s",
                            describe(boxes.get(i)), describe(boxes.get(j)), w, h, describe(pane)));
                }
            }
        }
    }

    private static boolean holdsText(Node node) {
        if (node instanceof Labeled labeled) {
            return labeled.getText() != null && !labeled.getText().isBlank();
        }
        if (node instanceof Control) {
            return true;
        }
        if (node instanceof javafx.scene.text.Text text) {
            return !text.getText().isBlank();
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                if (child.isVisible() && holdsText(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String describe(Node node) {
        StringBuilder s = new StringBuilder(describeBare(node));
        if (node instanceof javafx.scene.text.Text text && !(node.getParent() instanceof Labeled)) {
            s.append(" '").append(abbreviate(text.getText())).append('\'');
        }
        // The nearest ancestor with an id says where on the screen it is.
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                s.append(" in #").append(p.getId());
                break;
            }
        }
        return s.toString();
    }

    private static String describeBare(Node node) {
        StringBuilder s = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            s.append('#').append(node.getId());
        } else if (!node.getStyleClass().isEmpty()) {
            s.append('.').append(node.getStyleClass().get(node.getStyleClass().size() - 1));
        }
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            s.append(" '").append(abbreviate(labeled.getText())).append('\'');
        }
        return s.toString();
    }

    private static String abbreviate(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 50 ? line.substring(0, 47) + "..." : line;
    }
}
