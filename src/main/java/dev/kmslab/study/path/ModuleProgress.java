package dev.kmslab.study.path;

import java.util.Optional;

/**
 * Where the learner stands on one module, from what they actually did. A step the module does not have (no flow
 * shows the idea, no lab practises it yet) is absent and does not hold the module back.
 *
 * @param labId        the lab the module offers, if any
 * @param answered     questions on the module's topic the learner has answered (any mode, right or wrong)
 */
public record ModuleProgress(PathModule module, boolean pageRead, Optional<Boolean> flowWatched,
                             Optional<String> labId, boolean labPassed, int answered) {

    /**
     * Answers on a topic that tick "topic quizzed". Three, because one lucky answer says little, yet a short practice
     * round on the topic (the "Test yourself" link) reaches it; right or wrong both count, since the tick records
     * that the learner tested themselves, and the quiz's own history shows how well.
     */
    public static final int QUESTIONS_FOR_TOPIC = 3;

    public boolean topicQuizzed() {
        return answered >= QUESTIONS_FOR_TOPIC;
    }

    public boolean flowDone() {
        return flowWatched.orElse(true);
    }

    public boolean labDone() {
        return labId.isEmpty() || labPassed;
    }

    /** Every step the module has is done. */
    public boolean done() {
        return pageRead && flowDone() && labDone() && topicQuizzed();
    }

    /** Steps the module has (2 to 4) and how many of them are done, for "2 of 4". */
    public int steps() {
        return 2 + (flowWatched.isPresent() ? 1 : 0) + (labId.isPresent() ? 1 : 0);
    }

    public int stepsDone() {
        return (pageRead ? 1 : 0) + (flowWatched.orElse(false) ? 1 : 0) + (labId.isPresent() && labPassed ? 1 : 0)
                + (topicQuizzed() ? 1 : 0);
    }
}
