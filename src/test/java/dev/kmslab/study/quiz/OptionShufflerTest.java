package dev.kmslab.study.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionShufflerTest {

    private static List<String> ids(PresentedQuestion p) {
        return p.options().stream().map(Option::id).toList();
    }

    @Test
    void sameSeed_sameOrder_andEveryOrderEventuallyAppears() {
        Question q = TestBanks.of(QuestionJson.ordering("o")).byId("o").orElseThrow();
        assertThat(ids(new OptionShuffler(new Random(42)).present(q)))
                .isEqualTo(ids(new OptionShuffler(new Random(42)).present(q)));

        Set<List<String>> seen = new HashSet<>();
        OptionShuffler shuffler = new OptionShuffler(new Random(1));
        for (int i = 0; i < 200; i++) {
            seen.add(ids(shuffler.present(q)));
        }
        assertThat(seen).as("all 3! orders of an ordering question").hasSize(6);
    }

    @Test
    void shuffledOrdering_isStillScoredById() {
        Question q = TestBanks.of(QuestionJson.ordering("o")).byId("o").orElseThrow();
        PresentedQuestion shown = new OptionShuffler(new Random(3)).present(q);
        assertThat(Scoring.isCorrect(q, Answer.Ordering.of("a", "b", "c"))).isTrue();
        assertThat(ids(shown)).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void allOfTheAbove_keepsFileOrder() {
        ObjectNode json = QuestionJson.single("q");
        ((ObjectNode) json.get("options").get(2)).put("text", "All of the above");
        Question q = TestBanks.of(json).byId("q").orElseThrow();
        OptionShuffler shuffler = new OptionShuffler(new Random(5));
        for (int i = 0; i < 20; i++) {
            assertThat(ids(shuffler.present(q))).containsExactly("a", "b", "c");
        }
    }

    @Test
    void optionAt_isOneBasedForKeyboardAnswers() {
        Question q = TestBanks.of(QuestionJson.single("q")).byId("q").orElseThrow();
        PresentedQuestion p = OptionShuffler.inFileOrder(q);
        assertThat(p.optionAt(1).id()).isEqualTo("a");
        assertThat(p.optionAt(3).id()).isEqualTo("c");
    }
}
