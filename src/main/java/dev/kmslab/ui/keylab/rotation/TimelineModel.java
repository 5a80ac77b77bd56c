package dev.kmslab.ui.keylab.rotation;

import dev.kmslab.engine.model.RotationType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the rotation timeline draws, independent of pixels: the key's creation, each version of its key material,
 * "now", and the next automatic rotation. {@link #fraction} places an instant on the axis (0 = left, 1 = right).
 *
 * @param nextRotation null while automatic rotation is off
 * @param deletion     null unless the key is pending deletion
 */
public record TimelineModel(String keyId, Instant created, List<Version> versions, Instant now, Instant nextRotation,
                            Instant deletion) {

    /**
     * One version of the key material. Version 1 is the material the key was created with ({@code type} null); every
     * rotation adds the next.
     */
    public record Version(int number, Instant at, RotationType type) {

        public String label() {
            if (type == null) {
                return "v1 · original material";
            }
            return "v" + number + " · " + (type == RotationType.ON_DEMAND ? "on demand" : "automatic");
        }
    }

    public TimelineModel {
        versions = List.copyOf(versions);
    }

    /** The axis starts at creation and ends a little after the latest thing shown, so markers are not on the edge. */
    public Instant axisStart() {
        return created;
    }

    public Instant axisEnd() {
        Instant last = now;
        for (Instant i : new Instant[] {nextRotation, deletion, versions.get(versions.size() - 1).at()}) {
            if (i != null && i.isAfter(last)) {
                last = i;
            }
        }
        Duration span = Duration.between(created, last);
        Duration pad = span.dividedBy(12);
        if (pad.compareTo(Duration.ofDays(1)) < 0) {
            pad = Duration.ofDays(1);
        }
        return last.plus(pad);
    }

    public double fraction(Instant at) {
        double total = Duration.between(axisStart(), axisEnd()).toMillis();
        double part = Duration.between(axisStart(), at).toMillis();
        return Math.max(0, Math.min(1, part / total));
    }
}
