package dev.kmslab.study.quiz.progress;

/** How often the learner answered a topic's questions correctly. */
public record TopicAccuracy(String topicId, int correct, int attempts) {

    public double percent() {
        return attempts == 0 ? 0.0 : 100.0 * correct / attempts;
    }
}
