package dev.kmslab.study.quiz;

import java.util.Objects;

/** An exam domain (section) with its weight in percent, as published in the exam guide; 0 when none is published. */
public record Domain(String name, int weight) {

    public Domain {
        Objects.requireNonNull(name, "name");
        if (weight < 0 || weight > 100) {
            throw new IllegalArgumentException("domain weight must be 0..100: " + weight);
        }
    }
}
