package dev.kmslab.study.quiz;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The question formats of the AWS exams; MLA-C01 adds ordering and matching to the classic two. */
public enum QuestionType {
    SINGLE, MULTIPLE, ORDERING, MATCHING;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<QuestionType> fromJson(String value) {
        return Arrays.stream(values()).filter(t -> t.jsonName().equals(value)).findFirst();
    }
}
