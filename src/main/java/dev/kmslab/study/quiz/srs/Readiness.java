package dev.kmslab.study.quiz.srs;

import dev.kmslab.study.quiz.Domain;
import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.Track;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How ready a learner is per exam domain: the mean predicted recall (FSRS retrievability now) over all the domain's
 * questions. A question never answered counts as 0, so readiness only reaches 100% when every question of the
 * domain has been learned and is still remembered; {@code seen} says how many were answered at least once.
 */
public final class Readiness {

    /** One domain's readiness; {@code percent} is 0..100. */
    public record DomainReadiness(String domain, int weight, int percent, int seen, int total) {
    }

    private Readiness() {
    }

    public static List<DomainReadiness> byDomain(Track track, QuestionBank bank, Map<String, Card> cards,
                                                 FsrsScheduler scheduler, Instant now) {
        List<DomainReadiness> out = new ArrayList<>();
        List<Question> questions = bank.forTrack(track.id());
        for (Domain d : track.domains()) {
            double sum = 0;
            int seen = 0;
            int total = 0;
            for (Question q : questions) {
                if (!q.domainFor(track.id()).map(d.name()::equals).orElse(false)) {
                    continue;
                }
                total++;
                Card c = cards.get(q.id());
                if (c != null && c.lastReview() != null) {
                    seen++;
                    sum += scheduler.retrievability(c, now);
                }
            }
            int percent = total == 0 ? 0 : (int) Math.round(100 * sum / total);
            out.add(new DomainReadiness(d.name(), d.weight(), percent, seen, total));
        }
        return out;
    }

    /** The domain to drill: lowest readiness among domains that have questions; ties go to the heavier domain. */
    public static Optional<DomainReadiness> weakest(List<DomainReadiness> domains) {
        return domains.stream().filter(d -> d.total() > 0)
                .min(Comparator.comparingInt(DomainReadiness::percent)
                        .thenComparing(Comparator.comparingInt(DomainReadiness::weight).reversed()));
    }
}
