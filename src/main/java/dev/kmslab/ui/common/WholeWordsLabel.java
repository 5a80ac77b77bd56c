package dev.kmslab.ui.common;

import javafx.scene.control.Label;
import javafx.scene.text.Text;

/**
 * A wrapping label that never gets narrower than its widest word, so JavaFX never breaks a word such as
 * {@code SYMMETRIC_DEFAULT} in the middle ("SYMMETRIC_DEF" / "AULT"); its container gives it that width or scrolls.
 * Tokens with no word in them (an ARN, a key id, Base64) may still wrap anywhere: they would otherwise make the label
 * wider than any side pane.
 */
public class WholeWordsLabel extends Label {

    public WholeWordsLabel(String text) {
        super(text);
        setWrapText(true);
        fontProperty().addListener((obs, was, now) -> requestLayout());
        textProperty().addListener((obs, was, now) -> requestLayout());
    }

    @Override
    protected double computeMinWidth(double height) {
        return Math.max(super.computeMinWidth(height), snappedLeftInset() + snappedRightInset() + widestWord());
    }

    private double widestWord() {
        String text = getText();
        if (text == null || text.isBlank()) {
            return 0;
        }
        Text ruler = new Text();
        ruler.setFont(getFont());
        double widest = 0;
        for (String token : text.split("\\s+")) {
            if (!token.isEmpty() && !identifier(token)) {
                ruler.setText(token);
                widest = Math.max(widest, Math.ceil(ruler.getLayoutBounds().getWidth()) + 1);
            }
        }
        return widest;
    }

    /**
     * A token with no word in it: an ARN, or a long run of letters and digits without an underscore (a key id, a UUID,
     * Base64, hex).
     */
    public static boolean identifier(String token) {
        String t = token.replaceAll("^[\"'“{(\\[]+", "");
        if (t.startsWith("arn:")) {
            return true;
        }
        return t.length() >= 20 && t.chars().anyMatch(Character::isDigit) && t.chars().anyMatch(Character::isLetter)
                && t.indexOf('_') < 0;
    }
}
