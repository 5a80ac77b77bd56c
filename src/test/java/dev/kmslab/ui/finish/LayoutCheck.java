package dev.kmslab.ui.finish;

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

    private final List<String> problems = new ArrayList<>();
    private Bounds window;

    private LayoutCheck() {
    }

    static List<String> problems(Scene scene) {
        LayoutCheck check = new LayoutCheck();
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
        StringBuilder s = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            s.append('#').append(node.getId());
        } else if (!node.getStyleClass().isEmpty()) {
            s.append('.').append(node.getStyleClass().get(node.getStyleClass().size() - 1));
        }
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            s.append(" '").append(abbreviate(labeled.getText())).append('\'');
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

    private static String abbreviate(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 50 ? line.substring(0, 47) + "..." : line;
    }
}
