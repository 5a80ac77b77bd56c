package dev.kmslab.study.quiz.srs;

import java.time.Duration;
import java.util.Locale;

/**
 * Short labels for the time until a card is due again, as flashcard apps print them on the grade buttons:
 * "&lt;10 min", "5 h", "3 d", "1.5 mo", "2.1 y".
 */
public final class IntervalFormat {

    private IntervalFormat() {
    }

    public static String of(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 3600) {
            // Learning steps are minutes long and the card is due at the step's end: "<10 min" reads as "soon".
            long minutes = Math.max(1, (seconds + 59) / 60);
            return "<" + minutes + " min";
        }
        if (seconds < 86_400) {
            return Math.round(seconds / 3600.0) + " h";
        }
        double days = seconds / 86_400.0;
        if (days < 31) {
            return Math.round(days) + " d";
        }
        if (days < 365) {
            return oneDecimal(days / 30.4375) + " mo";
        }
        return oneDecimal(days / 365.25) + " y";
    }

    private static String oneDecimal(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
