package dev.kmslab.ui.quiz.home;

import dev.kmslab.study.quiz.Track;
import java.util.OptionalInt;

/**
 * One track card of the quiz home page.
 *
 * @param questions questions of the bank serving the track
 * @param dueCards  reviewed cards due now
 * @param newCards  questions never reviewed (a review session adds some after the due ones)
 * @param best      best scaled exam score, if any exam was taken
 * @param last      latest scaled exam score, if any
 */
public record TrackSummary(Track track, long questions, long dueCards, long newCards, OptionalInt best,
                           OptionalInt last, int exams) {

    public String id() {
        return track.id();
    }

    public String scoreLine() {
        if (exams == 0) {
            return "No exam taken yet · pass mark " + track.passMark();
        }
        return "Best " + best.getAsInt() + " · last " + last.getAsInt() + " · pass mark " + track.passMark() + " ("
                + exams + (exams == 1 ? " exam)" : " exams)");
    }

    public String reviewLine() {
        return dueCards + " due · " + newCards + " new";
    }
}
