package dev.kmslab.ui.keylab.rotation;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.DisableKeyRotationRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusResult;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.ListKeyRotationsRequest;
import dev.kmslab.engine.model.ListKeyRotationsResult;
import dev.kmslab.engine.model.RotationType;
import dev.kmslab.engine.model.RotationsListEntry;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabError;
import dev.kmslab.ui.keylab.common.LabFormat;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Rotation screen for the key selected in the session: automatic rotation on or off with its period, rotation on
 * demand, and the timeline of the key's material versions.
 */
public final class RotationViewModel {

    public static final int MIN_PERIOD_DAYS = 90;
    public static final int MAX_PERIOD_DAYS = 2560;
    public static final int DEFAULT_PERIOD_DAYS = 365;
    /** On-demand rotations allowed per key (the AWS quota in the current developer guide). */
    public static final int ON_DEMAND_LIMIT = 25;

    private final KeyLabSession session;
    private final javafx.beans.property.ReadOnlyObjectWrapper<TimelineModel> timeline = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper automatic = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyIntegerWrapper periodDays = new javafx.beans.property.ReadOnlyIntegerWrapper(DEFAULT_PERIOD_DAYS);
    private final javafx.beans.property.ReadOnlyIntegerWrapper onDemandRemaining = new javafx.beans.property.ReadOnlyIntegerWrapper(ON_DEMAND_LIMIT);
    private final javafx.beans.property.ReadOnlyStringWrapper summary = new javafx.beans.property.ReadOnlyStringWrapper("Pick a key on the Keys tab or above.");
    private final javafx.beans.property.ReadOnlyStringWrapper status = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<LabError> error = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    // Loads run on worker threads and may finish out of order; only the newest one is shown.
    private int loads;

    public RotationViewModel(KeyLabSession session) {
        this.session = session;
        session.revisionProperty().addListener((obs, was, now) -> reload());
        session.selectedKeyIdProperty().addListener((obs, was, now) -> {
            error.set(null);
            status.set("");
            reload();
        });
        reload();
    }

    public void reload() {
        String keyId = session.selectedKeyIdProperty().get();
        if (keyId == null || session.engine() == null) {
            timeline.set(null);
            summary.set("Pick a key on the Keys tab or above.");
            return;
        }
        int load = ++loads;
        session.call(engine -> load(engine, session.caller(), keyId), loaded -> {
            if (load == loads) {
                show(loaded);
            }
        }, e -> {
            if (load != loads) {
                return;
            }
            timeline.set(null);
            summary.set("");
            error.set(e);
        });
    }

    private static Loaded load(KmsEngine engine, CallerContext caller, String keyId) {
        KeyMetadata key = engine.describeKey(caller, new DescribeKeyRequest(keyId)).keyMetadata();
        GetKeyRotationStatusResult status = null;
        List<RotationsListEntry> rotations = new ArrayList<>();
        if (key.keyState() != dev.kmslab.engine.model.KeyState.PendingDeletion) {
            status = engine.getKeyRotationStatus(caller, new GetKeyRotationStatusRequest(keyId));
            String marker = null;
            do {
                ListKeyRotationsResult page = engine.listKeyRotations(caller,
                        new ListKeyRotationsRequest(keyId, 1000, marker));
                rotations.addAll(page.rotations());
                marker = page.truncated() ? page.nextMarker() : null;
            } while (marker != null);
        }
        return new Loaded(key, status, rotations, engine.now());
    }

    private record Loaded(KeyMetadata key, GetKeyRotationStatusResult status, List<RotationsListEntry> rotations,
                          java.time.Instant now) {
    }

    private void show(Loaded l) {
        List<TimelineModel.Version> versions = new ArrayList<>();
        versions.add(new TimelineModel.Version(1, l.key().creationDate(), null));
        for (RotationsListEntry r : l.rotations()) {
            versions.add(new TimelineModel.Version(versions.size() + 1, r.rotationDate(), r.rotationType()));
        }
        boolean on = l.status() != null && l.status().keyRotationEnabled();
        automatic.set(on);
        if (on) {
            periodDays.set(l.status().rotationPeriodInDays());
        }
        long onDemand = l.rotations().stream().filter(r -> r.rotationType() == RotationType.ON_DEMAND).count();
        onDemandRemaining.set((int) Math.max(0, ON_DEMAND_LIMIT - onDemand));
        timeline.set(new TimelineModel(l.key().keyId(), l.key().creationDate(), versions, l.now(),
                on ? l.status().nextRotationDate() : null, l.key().deletionDate()));
        summary.set(versions.size() + (versions.size() == 1 ? " version" : " versions") + " of key material; "
                + (on ? "automatic rotation every " + l.status().rotationPeriodInDays() + " days, next on "
                        + LabFormat.dateTime(l.status().nextRotationDate())
                        : "automatic rotation is off") + ".");
    }

    /** Turns automatic rotation on with the given period (90–2560 days) or off. */
    public void setAutomatic(boolean enabled, int days) {
        String keyId = session.selectedKeyIdProperty().get();
        if (keyId == null) {
            return;
        }
        session.mutate(engine -> {
            if (enabled) {
                engine.enableKeyRotation(session.caller(), new EnableKeyRotationRequest(keyId, days));
                return "Automatic rotation is on: new key material every " + days + " days.";
            }
            engine.disableKeyRotation(session.caller(), new DisableKeyRotationRequest(keyId));
            return "Automatic rotation is off. Existing versions stay and still decrypt.";
        }, this::done, this::failed);
    }

    /** RotateKeyOnDemand: new key material now, whatever the automatic schedule says. */
    public void rotateNow() {
        String keyId = session.selectedKeyIdProperty().get();
        if (keyId == null) {
            return;
        }
        session.mutate(engine -> engine.rotateKeyOnDemand(session.caller(),
                        new dev.kmslab.engine.model.RotateKeyOnDemandRequest(keyId)),
                r -> done("Rotated on demand: new encryptions use the new version; old ciphertexts still decrypt."),
                this::failed);
    }

    private void done(String message) {
        error.set(null);
        status.set(message);
    }

    private void failed(LabError e) {
        status.set("");
        error.set(e);
    }

    /** The drawing's model; null when no key is selected or it cannot be read. */
    public ReadOnlyObjectProperty<TimelineModel> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty automaticProperty() {
        return automatic.getReadOnlyProperty();
    }

    /** The key's period while rotation is on, else the value the learner is about to choose. */
    public javafx.beans.property.ReadOnlyIntegerProperty periodDaysProperty() {
        return periodDays.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty onDemandRemainingProperty() {
        return onDemandRemaining.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabError> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
