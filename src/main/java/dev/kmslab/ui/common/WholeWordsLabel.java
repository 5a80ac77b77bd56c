package dev.kmslab.ui.common;

import javafx.scene.control.Label;
import javafx.scene.text.Text;

/**
 * A wrapping label that never gets narrower than its widest word, so JavaFX never breaks a word such as
 * {@code SYMMETRIC_DEFAULT} in the middle ("SYMMETRIC_DEF" / "AULT"); its container gives it that width or scrolls.
 * Tokens with no word in them (an ARN, a key id, Base64) may still wrap anywhere: they would otherwise make the label
 * wider than any side pane. A long name made of parts joined by underscores, passed through
 * {@link #breakAfterUnderscores}, wraps after an underscore and is only as wide as its widest part.
 */
public class WholeWordsLabel extends Label {

    public WholeWordsLabel(String text) {
        super(text);
        setWrapText(true);
        fontProperty().addListener((obs, was, now) -> requestLayout());
        textProperty().addListener((obs, was, now) -> requestLayout());
    }

    /**
     * A hair space (U+200A): JavaFX wraps a line at it as at a space (it wraps only at white space, not at a zero-width
     * space or a hyphen), and it is about a pixel wide.
     */
    public static final char BREAK_AFTER_UNDERSCORE = '\u200A';

    /** Names at least this long wrap after their underscores; shorter ones such as {@code SYMMETRIC_DEFAULT} stay whole. */
    static final int LONG_NAME = 25;

    private static final java.util.regex.Pattern WORDS = java.util.regex.Pattern.compile("[\\s\u200A]+");

    private static final java.util.regex.Pattern LONG_UNDERSCORE_NAME = java.util.regex.Pattern.compile(
            "[A-Za-z0-9]+(?:_[A-Za-z0-9]+){2,}");

    /**
     * The text with a hair space after each underscore of a long name such as
     * {@code ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384}, so a narrow label wraps it as
     * "ALG_AES_256_GCM_HKDF_" / "SHA512_COMMIT_KEY_" rather than mid-part ("GCM_H" / "KDF"). For display only: the
     * name with hair spaces in it is no longer the name (set the plain text as the accessible text).
     */
    public static String breakAfterUnderscores(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher m = LONG_UNDERSCORE_NAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group();
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(name.length() < LONG_NAME
                    || identifier(name) ? name : name.replace("_", "_" + BREAK_AFTER_UNDERSCORE)));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    protected double computeMinWidth(double height) {
        // A graphic beside the text (an icon) takes its share of the width too.
        double graphic = getGraphic() == null || getText() == null || getText().isEmpty()
                || getContentDisplay() == javafx.scene.control.ContentDisplay.TOP
                || getContentDisplay() == javafx.scene.control.ContentDisplay.BOTTOM
                || getContentDisplay() == javafx.scene.control.ContentDisplay.CENTER ? 0
                : getGraphic().prefWidth(-1) + getGraphicTextGap();
        return Math.max(super.computeMinWidth(height),
                snappedLeftInset() + snappedRightInset() + graphic + widestWord());
    }

    private double widestWord() {
        return widestWord(getText(), getFont());
    }

    /**
     * The width of the widest word of {@code text} in {@code font}, the narrowest it can wrap to without breaking a
     * word; identifiers (which may break anywhere) do not count.
     */
    public static double widestWord(String text, javafx.scene.text.Font font) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        Text ruler = new Text();
        ruler.setFont(font);
        double widest = 0;
        for (String token : WORDS.split(text)) {
            if (!token.isEmpty() && !identifier(token)) {
                ruler.setText(token);
                widest = Math.max(widest, Math.ceil(ruler.getLayoutBounds().getWidth()) + 1);
            }
        }
        return widest;
    }

    /**
     * A token with no word in it: an ARN, or a long run of letters and digits without an underscore (a key id, a UUID,
     * Base64, hex) or with underscores and both cases (base64url, a grant token).
     */
    public static boolean identifier(String token) {
        String t = token.replaceAll("^[\"'“{(\\[]+", "");
        if (t.startsWith("arn:")) {
            return true;
        }
        // Base64url (a grant token) has underscores too, but mixes cases, which no NAME_LIKE_THIS does.
        return t.length() >= 20 && t.chars().anyMatch(Character::isDigit) && t.chars().anyMatch(Character::isLetter)
                && (t.indexOf('_') < 0 || t.chars().anyMatch(Character::isUpperCase)
                && t.chars().anyMatch(Character::isLowerCase));
    }
}
