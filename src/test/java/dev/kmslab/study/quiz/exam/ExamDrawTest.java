package dev.kmslab.study.quiz.exam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.TestBanks;
import dev.kmslab.study.quiz.Track;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExamDrawTest {

    private final Track saa = TestBanks.CATALOG.requireTrack("SAA");

    private List<Integer> perDomain(List<Question> drawn) {
        return saa.domains().stream().map(d -> (int) drawn.stream()
                .filter(q -> q.domainFor("SAA").orElseThrow().equals(d.name())).count()).toList();
    }

    @Test
    void scarceDomain_shortfallGoesToTheDomainsFurthestBelowTheirWeight() {
        // Wanted 6/5/5/4 of 20, but Resilient has only 1: its 4 missing go to Secure, High-Performing, Cost, ...
        List<Question> pool = TestBanks.saa(20, 1, 20, 20).all();
        List<Question> drawn = ExamDraw.draw(saa, pool, 20, new Random(4));
        assertThat(drawn).hasSize(20).doesNotHaveDuplicates();
        assertThat(perDomain(drawn)).isEqualTo(List.of(8, 1, 6, 5));
    }

    @Test
    void draw_isRandomButReproducibleFromTheSeed() {
        List<Question> pool = TestBanks.saa(20, 20, 20, 20).all();
        assertThat(ExamDraw.draw(saa, pool, 20, new Random(9))).isEqualTo(ExamDraw.draw(saa, pool, 20, new Random(9)));
        assertThat(new HashSet<>(ExamDraw.draw(saa, pool, 20, new Random(9))))
                .isNotEqualTo(new HashSet<>(ExamDraw.draw(saa, pool, 20, new Random(10))));
    }
}
