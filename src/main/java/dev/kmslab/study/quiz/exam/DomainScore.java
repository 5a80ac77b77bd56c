package dev.kmslab.study.quiz.exam;

/** Result for one exam domain; {@code total} is 0 when the draw had no question from it. */
public record DomainScore(String domain, int weight, int correct, int total) {

    /** Percent correct, 0 when the domain had no question. */
    public double percent() {
        return total == 0 ? 0.0 : 100.0 * correct / total;
    }
}
