package dev.kmslab.study.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private final QuestionBank bank = TestBanks.of(QuestionJson.single("s"),
            QuestionJson.multiple("m", "DVA", "Security"), QuestionJson.ordering("o"), QuestionJson.matching("x"));

    private Question q(String id) {
        return bank.byId(id).orElseThrow();
    }

    @Test
    void single_rightOptionOnly() {
        assertThat(Scoring.isCorrect(q("s"), Answer.Choice.of("b"))).isTrue();
        assertThat(Scoring.isCorrect(q("s"), Answer.Choice.of("a"))).isFalse();
        assertThat(Scoring.isCorrect(q("s"), Answer.Choice.of("a", "b"))).isFalse();
    }

    @Test
    void multiple_isAllOrNothing() {
        assertThat(Scoring.isCorrect(q("m"), Answer.Choice.of("c", "a"))).isTrue();
        assertThat(Scoring.isCorrect(q("m"), Answer.Choice.of("a"))).as("half right scores nothing").isFalse();
        assertThat(Scoring.isCorrect(q("m"), Answer.Choice.of("a", "c", "d"))).as("an extra pick scores nothing")
                .isFalse();
    }

    @Test
    void ordering_needsTheExactOrder() {
        assertThat(Scoring.isCorrect(q("o"), Answer.Ordering.of("a", "b", "c"))).isTrue();
        assertThat(Scoring.isCorrect(q("o"), Answer.Ordering.of("a", "c", "b"))).isFalse();
        assertThat(Scoring.isCorrect(q("o"), Answer.Ordering.of("a", "b"))).isFalse();
    }

    @Test
    void matching_needsEveryPair() {
        assertThat(Scoring.isCorrect(q("x"), new Answer.Matching(Map.of("a", "x", "b", "y", "c", "z")))).isTrue();
        assertThat(Scoring.isCorrect(q("x"), new Answer.Matching(Map.of("a", "x", "b", "z", "c", "y")))).isFalse();
        assertThat(Scoring.isCorrect(q("x"), new Answer.Matching(Map.of("a", "x", "b", "y")))).isFalse();
    }

    @Test
    void unanswered_isWrong() {
        assertThat(Scoring.isCorrect(q("s"), null)).isFalse();
    }

    @Test
    void responseOfWrongShape_isACallerBug() {
        assertThatThrownBy(() -> Scoring.isCorrect(q("o"), new Answer.Choice(Set.of("a"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a ordering question cannot take a Choice response (question o)");
    }

    @Test
    void feedback_explainsEveryOptionInShownOrder() {
        PresentedQuestion shown = new OptionShuffler(new java.util.Random(7)).present(q("m"));
        Feedback f = Feedback.of(shown, Answer.Choice.of("a", "d"));

        assertThat(f.correct()).isFalse();
        assertThat(f.options()).extracting(o -> o.option().id())
                .containsExactlyElementsOf(shown.options().stream().map(Option::id).toList());
        OptionFeedback d = f.options().stream().filter(o -> o.option().id().equals("d")).findFirst().orElseThrow();
        assertThat(d.selected()).isTrue();
        assertThat(d.correct()).isFalse();
        assertThat(d.explanation()).isEqualTo("Wrong here.");
        OptionFeedback c = f.options().stream().filter(o -> o.option().id().equals("c")).findFirst().orElseThrow();
        assertThat(c.selected()).isFalse();
        assertThat(c.correct()).isTrue();
    }

    @Test
    void feedback_forOrderingAndMatching_saysWhereEachBelongs() {
        Feedback o = Feedback.of(OptionShuffler.inFileOrder(q("o")), Answer.Ordering.of("b", "a", "c"));
        assertThat(o.options()).extracting(OptionFeedback::expected).containsExactly("step 1", "step 2", "step 3");
        assertThat(o.options()).extracting(OptionFeedback::correct).containsExactly(false, false, true);

        Feedback m = Feedback.of(OptionShuffler.inFileOrder(q("x")), new Answer.Matching(Map.of("a", "x")));
        assertThat(m.options()).extracting(OptionFeedback::expected).containsExactly("X", "Y", "Z");
        assertThat(m.options()).extracting(OptionFeedback::selected).containsExactly(true, false, false);
    }
}
