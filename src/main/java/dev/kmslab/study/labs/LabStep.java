package dev.kmslab.study.labs;

import java.util.List;

/** One step of a lab, with hints the learner reveals one at a time (each revealed hint is counted). */
public record LabStep(String text, List<String> hints) {

    public LabStep {
        hints = List.copyOf(hints);
    }
}
