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

    @Test
    void dvaExamOf20_followsTheGuideWeightsOverManySeeds() {
        // DVA-C03: 30 / 26 / 22 / 22 of 20 = 6 / 5.2 / 4.4 / 4.4 -> largest remainder 6 / 5 / 5 / 4 or 6 / 5 / 4 / 5.
        Track dva = TestBanks.CATALOG.requireTrack("DVA");
        List<Question> pool = TestBanks.track("DVA", 15, 15, 15, 15).all();
        int testing = dva.domains().stream().map(d -> d.name()).toList().indexOf("Testing and Deployment");
        int[] totals = new int[4];
        for (int seed = 0; seed < 200; seed++) {
            List<Question> drawn = ExamDraw.draw(dva, pool, 20, new Random(seed));
            assertThat(drawn).hasSize(20).doesNotHaveDuplicates();
            int[] n = new int[4];
            for (Question q : drawn) {
                n[dva.domains().stream().map(d -> d.name()).toList().indexOf(q.domainFor("DVA").orElseThrow())]++;
            }
            assertThat(n[testing]).as("Testing and Deployment questions, seed %d", seed).isBetween(4, 5);
            for (int d = 0; d < 4; d++) {
                double exact = 20.0 * dva.domains().get(d).weight() / 100;
                assertThat((double) n[d]).as("domain %d, seed %d", d, seed).isBetween(Math.floor(exact),
                        Math.ceil(exact));
                totals[d] += n[d];
            }
        }
        assertThat(totals[0]).isEqualTo(200 * 6);
    }

    @Test
    void trackWithoutWeights_drawsEvenly() {
        Track even = new Track("SAP", "SAP-C03", "test", 75, 65, 180, 750, false, null, List.of(
                new dev.kmslab.study.quiz.Domain("A", 0), new dev.kmslab.study.quiz.Domain("B", 0),
                new dev.kmslab.study.quiz.Domain("C", 0), new dev.kmslab.study.quiz.Domain("D", 0)));
        assertThat(even.hasWeights()).isFalse();
        java.util.Map<String, List<Question>> available = new java.util.LinkedHashMap<>();
        for (String d : List.of("A", "B", "C", "D")) {
            available.put(d, TestBanks.saa(10).all());
        }
        assertThat(ExamDraw.quotas(even, 20, available).values()).containsExactly(5, 5, 5, 5);
        assertThat(ExamDraw.quotas(even, 10, available).values()).containsExactly(3, 3, 2, 2);
    }
}
