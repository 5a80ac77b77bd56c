package dev.kmslab.ui.common;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Two parts of a bar side by side while they fit, the second under the first when they do not (a 1024-pixel window
 * at a large zoom): the first takes what the second leaves, down to its minimum width, before the second moves down.
 * While stacked the bar has the {@code :stacked} pseudo-class, for a stylesheet to indent the second part.
 */
public final class SideOrBelow extends Pane {

    private static final PseudoClass STACKED = PseudoClass.getPseudoClass("stacked");

    private final Region first;
    private final Region second;
    private final double gap;

    public SideOrBelow(Region first, Region second, double gap) {
        super(first, second);
        this.first = first;
        this.second = second;
        this.gap = gap;
    }

    private boolean fits(double width) {
        Insets in = getInsets();
        return width < 0 || first.minWidth(-1) + gap + second.prefWidth(-1) <= width - in.getLeft() - in.getRight();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + Math.max(first.minWidth(-1), second.minWidth(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + first.prefWidth(-1) + gap + second.prefWidth(-1);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = width < 0 ? -1 : width - in.getLeft() - in.getRight();
        if (fits(width)) {
            double firstWidth = inner < 0 ? -1 : inner - gap - second.prefWidth(-1);
            return in.getTop() + in.getBottom() + Math.max(first.prefHeight(firstWidth), second.prefHeight(-1));
        }
        return in.getTop() + in.getBottom() + first.prefHeight(inner) + second.prefHeight(inner);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double inner = getWidth() - in.getLeft() - in.getRight();
        double height = getHeight() - in.getTop() - in.getBottom();
        boolean side = fits(getWidth());
        pseudoClassStateChanged(STACKED, !side);
        if (side) {
            double secondWidth = second.prefWidth(-1);
            double firstWidth = inner - gap - secondWidth;
            first.resizeRelocate(x, y, firstWidth, height);
            second.resizeRelocate(x + firstWidth + gap, y, secondWidth, height);
        } else {
            double firstHeight = first.prefHeight(inner);
            first.resizeRelocate(x, y, inner, firstHeight);
            second.resizeRelocate(x, y + firstHeight, inner, Math.max(0, height - firstHeight));
        }
    }
}
