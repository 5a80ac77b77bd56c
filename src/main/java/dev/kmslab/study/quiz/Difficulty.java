package dev.kmslab.study.quiz;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The author's estimate of how hard a question is. */
public enum Difficulty {
    EASY, MEDIUM, HARD;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Difficulty> fromJson(String value) {
        return Arrays.stream(values()).filter(d -> d.jsonName().equals(value)).findFirst();
    }
}
