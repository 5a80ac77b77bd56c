package dev.kmslab.ui.keylab.clock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.ListKeyRotationsRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.LabFixture;
import dev.kmslab.ui.keylab.common.LabFormat;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class ClockViewModelTest {

    private final LabFixture lab = new LabFixture();
    private final ClockViewModel clock = new ClockViewModel(lab.session);

    @Test
    void showsTheSimulatedTime_andThatNothingIsScheduled() {
        assertThat(clock.nowTextProperty().get()).isEqualTo("2026-03-01 10:00 UTC");
        assertThat(clock.hasNextEventProperty().get()).isFalse();
        assertThat(clock.realTimeProperty().get()).isFalse();
    }

    @Test
    void advancingAYear_appliesTheDueRotation_andSaysSo() {
        String id = lab.key("alias/a");
        lab.engine.enableKeyRotation(lab.root, new EnableKeyRotationRequest(id, 90));
        lab.session.changed();
        assertThat(clock.nextEventProperty().get()).isEqualTo("automatic rotation of key "
                + LabFormat.shortId(id) + " at 2026-05-30 10:00 UTC");
        int before = lab.session.revisionProperty().get();
        clock.advance(ClockViewModel.YEAR);
        assertThat(clock.nowTextProperty().get()).isEqualTo("2027-03-01 10:00 UTC");
        assertThat(lab.engine.listKeyRotations(lab.root, new ListKeyRotationsRequest(id, null, null)).rotations())
                .hasSize(4);
        assertThat(clock.lastChangeProperty().get()).startsWith("Moved 365 days forward. Applied: automatic rotation");
        assertThat(lab.session.revisionProperty().get()).isGreaterThan(before);
    }

    @Test
    void nextEvent_jumpsExactlyToTheDeletion() {
        String id = lab.key(null);
        lab.engine.scheduleKeyDeletion(lab.root, new ScheduleKeyDeletionRequest(id, 7));
        lab.session.changed();
        clock.advanceToNextEvent();
        assertThat(clock.nowProperty().get()).isEqualTo(LabFixture.START.plus(Duration.ofDays(7)));
        assertThat(clock.lastChangeProperty().get()).isEqualTo("Jumped to the next event. Applied: deletion of key "
                + LabFormat.shortId(id) + " at 2026-03-08 10:00 UTC.");
        assertThat(clock.hasNextEventProperty().get()).isFalse();
    }

    @Test
    void backToRealTime_followsTheRealClockAgain() {
        clock.advance(ClockViewModel.DAY);
        clock.backToRealTime();
        assertThat(clock.realTimeProperty().get()).isTrue();
        assertThat(lab.clock.isFollowingRealTime()).isTrue();
        assertThat(clock.lastChangeProperty().get()).startsWith("Back to real time.").doesNotContain("deleted while");
    }
}
