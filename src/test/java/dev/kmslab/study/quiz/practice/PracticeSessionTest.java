package dev.kmslab.study.quiz.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.study.quiz.Answer;
import dev.kmslab.study.quiz.Attempt;
import dev.kmslab.study.quiz.Feedback;
import dev.kmslab.study.quiz.MutableClock;
import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.QuestionJson;
import dev.kmslab.study.quiz.TestBanks;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PracticeSessionTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));

    private final QuestionBank bank = TestBanks.of(
            QuestionJson.single("saa-policy"),
            topic(QuestionJson.forTrack(QuestionJson.single("dva-rotation"), "DVA", "Security"), "rotation"),
            QuestionJson.multiple("dva-dev", "DVA", "Development with AWS Services"),
            shared());

    private static ObjectNode topic(ObjectNode q, String topic) {
        q.putArray("topics").add(topic);
        return q;
    }

    private static ObjectNode shared() {
        ObjectNode q = QuestionJson.single("shared");
        q.putArray("tracks").add("SAA").add("DVA");
        q.putObject("domains").put("SAA", "Design Secure Architectures").put("DVA", "Testing and Deployment");
        return q;
    }

    private Set<String> ids(PracticeFilter filter) {
        PracticeSession s = new PracticeSession(bank, filter, new Random(1), clock);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < s.size(); i++) {
            ids.add(s.current().question().id());
            if (s.hasNext()) {
                s.next();
            }
        }
        return ids;
    }

    @Test
    void filters_byTrackDomainAndTopic() {
        assertThat(ids(PracticeFilter.all())).hasSize(4);
        assertThat(ids(PracticeFilter.track("DVA"))).containsExactlyInAnyOrder("dva-rotation", "dva-dev", "shared");
        assertThat(ids(new PracticeFilter(Set.of("DVA"), Set.of("Security", "Testing and Deployment"), Set.of())))
                .containsExactlyInAnyOrder("dva-rotation", "shared");
        // The shared question is Design Secure Architectures for SAA, not for DVA.
        assertThat(ids(new PracticeFilter(Set.of("DVA"), Set.of("Design Secure Architectures"), Set.of()))).isEmpty();
        assertThat(ids(new PracticeFilter(Set.of(), Set.of(), Set.of("rotation")))).containsExactly("dva-rotation");
    }

    @Test
    void submit_givesImmediateFeedbackAndRecordsTheAttempt() {
        PracticeSession s = new PracticeSession(bank, PracticeFilter.track("SAA"), new Random(2), clock);
        while (!s.current().question().id().equals("saa-policy")) {
            s.next();
        }
        assertThat(s.feedback()).isEmpty();

        Feedback f = s.submit(Answer.Choice.of("a"));

        assertThat(f.correct()).isFalse();
        assertThat(f.options()).hasSize(3).allSatisfy(o -> assertThat(o.explanation()).isNotBlank());
        assertThat(s.feedback()).contains(f);
        assertThat(s.attempts()).containsExactly(new Attempt("saa-policy", java.util.List.of("SAA"),
                java.util.List.of("key-policies"), false, clock.instant(), Attempt.Mode.PRACTICE));
        assertThatThrownBy(() -> s.submit(Answer.Choice.of("b"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("question saa-policy is already answered");
    }

    @Test
    void attempt_recordsOnlyTheStudiedTracksOfASharedQuestion() {
        PracticeSession s = new PracticeSession(bank, new PracticeFilter(Set.of("DVA"), Set.of("Testing and Deployment"),
                Set.of()), new Random(3), clock);
        s.submit(Answer.Choice.of("b"));
        assertThat(s.attempts().get(0).tracks()).containsExactly("DVA");
        assertThat(s.correctCount()).isEqualTo(1);
    }
}
