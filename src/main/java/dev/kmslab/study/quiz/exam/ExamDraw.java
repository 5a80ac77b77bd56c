package dev.kmslab.study.quiz.exam;

import dev.kmslab.study.quiz.Domain;
import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.Track;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Picks the questions of a simulated exam so that each domain gets its share of the exam guide's weights, as far as
 * the bank allows: quotas by largest remainder, then any quota the bank cannot fill goes to the domain that is
 * furthest below its weight and still has questions. A track whose guide publishes no weights gets equal shares.
 */
public final class ExamDraw {

    private ExamDraw() {
    }

    public static List<Question> draw(Track track, List<Question> pool, int count, Random random) {
        Map<String, List<Question>> byDomain = new LinkedHashMap<>();
        track.domains().forEach(d -> byDomain.put(d.name(), new ArrayList<>()));
        for (Question q : pool) {
            q.domainFor(track.id()).map(byDomain::get).ifPresent(list -> list.add(q));
        }
        int n = Math.min(count, byDomain.values().stream().mapToInt(List::size).sum());
        Map<String, Integer> quota = quotas(track, n, byDomain);
        List<Question> chosen = new ArrayList<>();
        for (Map.Entry<String, List<Question>> e : byDomain.entrySet()) {
            List<Question> candidates = new ArrayList<>(e.getValue());
            Collections.shuffle(candidates, random);
            chosen.addAll(candidates.subList(0, quota.get(e.getKey())));
        }
        Collections.shuffle(chosen, random);
        return chosen;
    }

    /** Questions per domain: weights apportioned by largest remainder, capped by availability. Package-private for tests. */
    static Map<String, Integer> quotas(Track track, int n, Map<String, List<Question>> available) {
        int totalWeight = track.domains().stream().mapToInt(track::drawWeight).sum();
        Map<String, Integer> quota = new LinkedHashMap<>();
        List<Domain> byRemainder = new ArrayList<>(track.domains());
        int assigned = 0;
        for (Domain d : track.domains()) {
            int share = n * track.drawWeight(d) / totalWeight;
            quota.put(d.name(), share);
            assigned += share;
        }
        // Largest remainder first; ties keep the guide's order (a stable sort), so the draw is reproducible.
        byRemainder.sort(Comparator.comparingInt((Domain d) -> -(n * track.drawWeight(d) % totalWeight)));
        for (int i = 0; assigned < n; i++, assigned++) {
            String name = byRemainder.get(i % byRemainder.size()).name();
            quota.merge(name, 1, Integer::sum);
        }
        int shortfall = 0;
        for (Domain d : track.domains()) {
            int have = available.get(d.name()).size();
            if (quota.get(d.name()) > have) {
                shortfall += quota.get(d.name()) - have;
                quota.put(d.name(), have);
            }
        }
        while (shortfall > 0) {
            Domain neediest = track.domains().stream()
                    .filter(d -> quota.get(d.name()) < available.get(d.name()).size())
                    .min(Comparator.comparingDouble(d -> (quota.get(d.name()) + 1.0) / track.drawWeight(d)))
                    .orElseThrow(() -> new IllegalStateException("n exceeds the questions available"));
            quota.merge(neediest.name(), 1, Integer::sum);
            shortfall--;
        }
        return quota;
    }
}
