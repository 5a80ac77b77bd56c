package dev.kmslab.ui.quiz.home;

import dev.kmslab.study.quiz.Track;
import dev.kmslab.study.quiz.srs.Readiness.DomainReadiness;
import dev.kmslab.study.quiz.srs.StudyCounts;
import java.util.List;
import java.util.OptionalInt;

/**
 * One track card of the quiz home page.
 *
 * @param questions questions of the bank serving the track
 * @param counts    due today, new and learned cards
 * @param readiness per exam domain, mean predicted recall (unseen questions count as 0)
 * @param mistakes  questions whose latest answer was wrong
 * @param best      best scaled exam score, if any exam was taken
 * @param last      latest scaled exam score, if any
 */
public record TrackSummary(Track track, long questions, StudyCounts counts, List<DomainReadiness> readiness,
                           int mistakes, OptionalInt best, OptionalInt last, int exams) {

    public TrackSummary {
        readiness = List.copyOf(readiness);
    }

    public String id() {
        return track.id();
    }

    public long dueCards() {
        return counts.dueToday();
    }

    public long newCards() {
        return counts.fresh();
    }

    public String scoreLine() {
        if (exams == 0) {
            return "No exam taken yet · pass mark " + track.passMark();
        }
        return "Best " + best.getAsInt() + " · last " + last.getAsInt() + " · pass mark " + track.passMark() + " ("
                + exams + (exams == 1 ? " exam)" : " exams)");
    }

    /** "3 due today · 90 new · 17 learned". */
    public String reviewLine() {
        return counts.dueToday() + " due today · " + counts.fresh() + " new · " + counts.learned() + " learned";
    }
}
