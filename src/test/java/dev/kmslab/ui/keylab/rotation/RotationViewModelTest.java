package dev.kmslab.ui.keylab.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.model.RotationType;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.LabFixture;
import dev.kmslab.ui.keylab.clock.ClockViewModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class RotationViewModelTest {

    private final LabFixture lab = new LabFixture();
    private final RotationViewModel rotation = new RotationViewModel(lab.session);

    @Test
    void noKeySelected_noTimeline() {
        assertThat(rotation.timelineProperty().get()).isNull();
        assertThat(rotation.summaryProperty().get()).startsWith("Pick a key");
    }

    @Test
    void aNewKey_hasOneVersion_atItsCreation() {
        lab.session.selectedKeyIdProperty().set(lab.key(null));
        TimelineModel t = rotation.timelineProperty().get();
        assertThat(t.versions()).containsExactly(new TimelineModel.Version(1, LabFixture.START, null));
        assertThat(t.nextRotation()).isNull();
        assertThat(rotation.onDemandRemainingProperty().get()).isEqualTo(25);
    }

    @Test
    void rotateNow_addsAnOnDemandVersion_andUsesUpTheQuota() {
        lab.session.selectedKeyIdProperty().set(lab.key(null));
        rotation.rotateNow();
        TimelineModel t = rotation.timelineProperty().get();
        assertThat(t.versions()).extracting(TimelineModel.Version::type).containsExactly(null, RotationType.ON_DEMAND);
        assertThat(rotation.onDemandRemainingProperty().get()).isEqualTo(24);
        assertThat(rotation.statusProperty().get()).startsWith("Rotated on demand");
    }

    @Test
    void automaticRotation_thenAYear_addsAnAutomaticVersion_andTheNextDate() {
        lab.session.selectedKeyIdProperty().set(lab.key(null));
        rotation.rotateNow();
        rotation.setAutomatic(true, 365);
        assertThat(rotation.automaticProperty().get()).isTrue();
        assertThat(rotation.timelineProperty().get().nextRotation())
                .isEqualTo(LabFixture.START.plus(Duration.ofDays(365)));
        new ClockViewModel(lab.session).advance(ClockViewModel.YEAR);
        TimelineModel t = rotation.timelineProperty().get();
        assertThat(t.versions()).hasSize(3);
        assertThat(t.versions().get(2)).isEqualTo(new TimelineModel.Version(3,
                LabFixture.START.plus(Duration.ofDays(365)), RotationType.AUTOMATIC));
        assertThat(t.now()).isEqualTo(LabFixture.START.plus(Duration.ofDays(365)));
        assertThat(t.nextRotation()).isEqualTo(LabFixture.START.plus(Duration.ofDays(730)));
        assertThat(rotation.summaryProperty().get()).startsWith("3 versions of key material; automatic rotation "
                + "every 365 days, next on 2028-02-29 10:00 UTC");
    }

    @Test
    void aPeriodOutOf90To2560Days_isRejected() {
        lab.session.selectedKeyIdProperty().set(lab.key(null));
        rotation.setAutomatic(true, 89);
        assertThat(rotation.errorProperty().get().code()).isEqualTo("ValidationException");
        assertThat(rotation.automaticProperty().get()).isFalse();
    }

    @Test
    void disablingAutomaticRotation_keepsTheVersions() {
        lab.session.selectedKeyIdProperty().set(lab.key(null));
        rotation.setAutomatic(true, 90);
        new ClockViewModel(lab.session).advance(Duration.ofDays(100));
        rotation.setAutomatic(false, 90);
        assertThat(rotation.automaticProperty().get()).isFalse();
        assertThat(rotation.timelineProperty().get().versions()).hasSize(2);
        assertThat(rotation.timelineProperty().get().nextRotation()).isNull();
    }

    @Test
    void timelineFractions_placeCreationLeft_andEverythingInside() {
        TimelineModel t = new TimelineModel("k", LabFixture.START,
                java.util.List.of(new TimelineModel.Version(1, LabFixture.START, null)),
                LabFixture.START.plus(Duration.ofDays(100)), LabFixture.START.plus(Duration.ofDays(365)), null);
        assertThat(t.fraction(LabFixture.START)).isZero();
        assertThat(t.fraction(t.nextRotation())).isBetween(0.8, 0.99);
        assertThat(t.fraction(t.now())).isLessThan(t.fraction(t.nextRotation()));
        assertThat(t.fraction(LabFixture.START.plus(Duration.ofDays(9999)))).isEqualTo(1.0);
    }
}
