package dev.kmslab.study.quiz.srs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.QuestionJson;
import dev.kmslab.study.quiz.TestBanks;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DueQueueTest {

    private static final Instant NOW = Instant.parse("2026-01-10T09:00:00Z");

    private final QuestionBank bank = TestBanks.of(QuestionJson.single("s1"), QuestionJson.single("s2"),
            QuestionJson.single("s3"), QuestionJson.single("s4"),
            QuestionJson.forTrack(QuestionJson.single("d1"), "DVA", "Security"));

    private static Card reviewed(String id, Instant due) {
        return new Card(id, CardState.REVIEW, -1, 5, 5, due, due.minus(Duration.ofDays(5)), 2, 0);
    }

    @Test
    void dueCardsMostOverdueFirst_thenNewUpToTheLimit_onlyForTheTrack() {
        Map<String, Card> cards = new HashMap<>();
        cards.put("s1", reviewed("s1", NOW.minus(Duration.ofHours(1))));
        cards.put("s2", reviewed("s2", NOW.plus(Duration.ofDays(2))));
        cards.put("s3", reviewed("s3", NOW.minus(Duration.ofDays(3))));
        cards.put("d1", reviewed("d1", NOW.minus(Duration.ofDays(9))));

        List<Card> queue = DueQueue.due(bank, "SAA", cards, NOW, 5);

        assertThat(queue).extracting(Card::questionId).containsExactly("s3", "s1", "s4");
        assertThat(queue.get(2).state()).isEqualTo(CardState.NEW);
        assertThat(DueQueue.due(bank, "SAA", cards, NOW, 0)).extracting(Card::questionId).containsExactly("s3", "s1");
        assertThat(DueQueue.dueCount(bank, "SAA", cards, NOW)).isEqualTo(2);
        assertThat(DueQueue.dueCount(bank, "DVA", cards, NOW)).isEqualTo(1);
    }
}
