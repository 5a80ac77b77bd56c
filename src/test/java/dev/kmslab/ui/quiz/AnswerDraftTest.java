package dev.kmslab.ui.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.study.quiz.Answer;
import dev.kmslab.study.quiz.OptionShuffler;
import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.QuestionJson;
import dev.kmslab.study.quiz.TestBanks;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.quiz.answer.AnswerDraft;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class AnswerDraftTest {

    private static final QuestionBank BANK = TestBanks.of(QuestionJson.single("s1"),
            QuestionJson.multiple("m1", "SAA", "Design Secure Architectures"), QuestionJson.ordering("o1"),
            QuestionJson.matching("x1"));

    private static AnswerDraft draft(String id) {
        return new AnswerDraft(OptionShuffler.inFileOrder(BANK.byId(id).orElseThrow()));
    }

    @Test
    void single_numberKeyReplacesTheChoice() {
        AnswerDraft d = draft("s1");
        assertThat(d.completeProperty().get()).isFalse();
        assertThat(d.toAnswer()).isNull();
        d.choose(1);
        d.choose(2);
        assertThat(d.toAnswer()).isEqualTo(Answer.Choice.of("b"));
        assertThat(d.instruction()).isEqualTo("Choose one.");
    }

    @Test
    void multiple_isCompleteOnlyWithExactlyChooseOptions_andKeysToggle() {
        AnswerDraft d = draft("m1");
        d.choose(1);
        assertThat(d.completeProperty().get()).isFalse();
        assertThat(d.instruction()).isEqualTo("Choose 2 (1 selected).");
        d.choose(3);
        assertThat(d.toAnswer()).isEqualTo(Answer.Choice.of("a", "c"));
        d.choose(4);
        assertThat(d.completeProperty().get()).isFalse();
        d.choose(4);
        assertThat(d.completeProperty().get()).isTrue();
        assertThat(d.choose(9)).isFalse();
    }

    @Test
    void ordering_movesWithinBounds_andCountsAsTouchedOnlyAfterAChange() {
        AnswerDraft d = draft("o1");
        assertThat(d.completeProperty().get()).isTrue();
        assertThat(d.touchedProperty().get()).isFalse();
        assertThat(d.move(0, -1)).isFalse();
        assertThat(d.move(0, 1)).isTrue();
        assertThat(d.toAnswer()).isEqualTo(Answer.Ordering.of("b", "a", "c"));
        assertThat(d.moveTo("c", 0)).isTrue();
        assertThat(d.order()).containsExactly("c", "b", "a");
        assertThat(d.touchedProperty().get()).isTrue();
    }

    @Test
    void matching_needsEveryOptionMatched() {
        AnswerDraft d = draft("x1");
        d.match("a", "x");
        d.match("b", "y");
        assertThat(d.completeProperty().get()).isFalse();
        d.match("c", "z");
        assertThat(d.toAnswer()).isEqualTo(new Answer.Matching(Map.of("a", "x", "b", "y", "c", "z")));
        d.match("c", null);
        assertThat(d.completeProperty().get()).isFalse();
    }

    @Test
    void locked_ignoresChanges_andRestoreIsNotAChange() {
        AnswerDraft d = draft("m1");
        d.restore(Answer.Choice.of("a", "c"));
        assertThat(d.selected()).isEqualTo(Set.of("a", "c"));
        assertThat(d.revisionProperty().get()).isZero();
        d.lockedProperty().set(true);
        assertThat(d.choose(2)).isFalse();
        assertThat(d.move(0, 1)).isFalse();
        assertThat(d.toAnswer()).isEqualTo(Answer.Choice.of("a", "c"));
        assertThat(List.copyOf(d.selected())).hasSize(2);
    }
}
