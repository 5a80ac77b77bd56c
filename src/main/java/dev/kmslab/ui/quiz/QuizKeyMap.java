package dev.kmslab.ui.quiz;

import dev.kmslab.ui.quiz.common.QuizKeys;

import javafx.scene.input.KeyCode;

/** Which key does what on a quiz page: 1–6 (top row or keypad), Enter, N, P and F. */
public final class QuizKeyMap {

    private QuizKeyMap() {
    }

    /** Runs the command bound to {@code code}; false when the key means nothing here or the command did nothing. */
    public static boolean handle(QuizKeys keys, KeyCode code) {
        if (code.isDigitKey()) {
            int n = digit(code);
            return n >= 1 && n <= 6 && keys.number(n);
        }
        switch (code) {
            case ENTER:
                return keys.enter();
            case N:
                return keys.next();
            case P:
                return keys.previous();
            case F:
                return keys.flag();
            default:
                return false;
        }
    }

    private static int digit(KeyCode code) {
        String name = code.getName();
        char last = name.charAt(name.length() - 1);
        return Character.isDigit(last) ? last - '0' : -1;
    }
}
