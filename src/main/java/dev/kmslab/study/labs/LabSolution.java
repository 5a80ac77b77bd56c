package dev.kmslab.study.labs;

import java.util.List;

/** The reference solution: the engine operations that solve the lab, in order, and why they are right. */
public record LabSolution(String explanation, List<LabOperation> operations) {

    public LabSolution {
        operations = List.copyOf(operations);
    }
}
