package dev.kmslab.ui.keylab.keys;

import dev.kmslab.engine.model.ConnectionState;
import dev.kmslab.engine.model.CustomKeyStoresListEntry;
import dev.kmslab.engine.model.DescribeCustomKeyStoresRequest;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.model.CancelKeyDeletionRequest;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.DeleteAliasRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.EnableKeyRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MultiRegionConfiguration;
import dev.kmslab.engine.model.MultiRegionKey;
import dev.kmslab.engine.model.MultiRegionKeyType;
import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.engine.model.UpdatePrimaryRegionRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionResult;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.engine.model.TagResourceRequest;
import dev.kmslab.engine.model.UntagResourceRequest;
import dev.kmslab.engine.model.UpdateKeyDescriptionRequest;
import dev.kmslab.flow.FlowCatalogue;
import dev.kmslab.flow.FlowDefinition;
import dev.kmslab.ui.common.DialogService;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabError;
import dev.kmslab.ui.keylab.common.LabFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The Keys screen: every key, a search and a state filter, the selected key's details and its actions. */
public final class KeysViewModel {

    public static final int MIN_WINDOW_DAYS = 7;
    public static final int MAX_WINDOW_DAYS = 30;

    private final KeyLabSession session;
    private final DialogService dialogs;
    private final ObservableList<KeyRow> rows = FXCollections.observableArrayList();
    private final FilteredList<KeyRow> visible = new FilteredList<>(rows);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<KeyState> stateFilter = new SimpleObjectProperty<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<KeyRow> selected = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyStringWrapper status = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<LabError> error = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private BiConsumer<String, Optional<String>> flowOpener;
    // The key the status and error lines speak about: they clear when another key is selected or this one is gone,
    // so "you can cancel it" never outlives the key it was about.
    private String messageKeyId;
    // Loads run on worker threads and may finish out of order; only the newest one is shown.
    private int loads;

    /** For tests that never reach a confirmation; asking for one fails. */
    public KeysViewModel(KeyLabSession session) {
        this(session, DialogService.none());
    }

    public KeysViewModel(KeyLabSession session, DialogService dialogs) {
        this.session = session;
        this.dialogs = dialogs;
        search.addListener((obs, was, now) -> applyFilter());
        stateFilter.addListener((obs, was, now) -> applyFilter());
        session.revisionProperty().addListener((obs, was, now) -> reload());
        session.selectedKeyIdProperty().addListener((obs, was, now) -> selectById(now));
        reload();
    }

    public void reload() {
        if (session.engine() == null) {
            return;
        }
        int load = ++loads;
        session.call(engine -> KeyInventory.load(engine, session.caller()), loaded -> {
            if (load != loads) {
                return;
            }
            rows.setAll(loaded);
            selectById(session.selectedKeyIdProperty().get());
            if (messageKeyId != null && row(messageKeyId) == null) {
                clearMessages();
            }
        }, error::set);
    }

    /** Selects a row (null clears); the other tabs follow. */
    public void select(KeyRow row) {
        session.selectedKeyIdProperty().set(row == null ? null : row.keyId());
        selected.set(row);
    }

    private void selectById(String keyId) {
        selected.set(rows.stream().filter(r -> r.keyId().equals(keyId)).findFirst().orElse(null));
        if (messageKeyId != null && keyId != null && !messageKeyId.equals(keyId)) {
            clearMessages();
        }
    }

    private void clearMessages() {
        messageKeyId = null;
        status.set("");
        error.set(null);
    }

    private void applyFilter() {
        visible.setPredicate(r -> r.matches(search.get())
                && (stateFilter.get() == null || r.state() == stateFilter.get()));
    }

    // ---- commands ----

    /** CreateKey, then CreateAlias and EnableKeyRotation if asked; a failure after CreateKey still keeps the key. */
    public void create(CreateKeyForm form) {
        session.mutate(engine -> createAll(engine, form), created -> {
            session.selectedKeyIdProperty().set(created.keyId());
            messageKeyId = created.keyId();
            if (created.followUp() == null) {
                done("Created key " + (form.alias().isEmpty() ? created.keyId() : form.aliasName()) + ".");
            } else {
                status.set("Created key " + created.keyId() + ", but a follow-up step failed:");
                error.set(created.followUp());
            }
        }, this::failed);
    }

    /** The CONNECTED custom key stores, for the create-key dialog (none if they cannot be listed). */
    public void connectedStores(Consumer<List<CustomKeyStoresListEntry>> onLoaded) {
        session.call(engine -> engine.customKeyStores().describeCustomKeyStores(session.caller(),
                DescribeCustomKeyStoresRequest.all()).customKeyStores().stream()
                .filter(s -> s.connectionState() == ConnectionState.CONNECTED).collect(Collectors.toList()),
                onLoaded, e -> onLoaded.accept(List.of()));
    }

    private Created createAll(KmsEngine engine, CreateKeyForm form) {
        String keyId = engine.createKey(session.caller(), form.toRequest()).keyMetadata().keyId();
        try {
            if (!form.alias().isEmpty()) {
                engine.createAlias(session.caller(), new CreateAliasRequest(form.aliasName(), keyId));
            }
            if (form.automaticRotation()) {
                engine.enableKeyRotation(session.caller(), new EnableKeyRotationRequest(keyId, form.rotationDays()));
            }
            return new Created(keyId, null);
        } catch (KmsException e) {
            return new Created(keyId, LabError.of(e));
        }
    }

    private record Created(String keyId, LabError followUp) {
    }

    public void addAlias(String alias) {
        String name = alias.trim().startsWith("alias/") ? alias.trim() : "alias/" + alias.trim();
        onSelected(id -> engine -> {
            engine.createAlias(session.caller(), new CreateAliasRequest(name, id));
            return "Alias " + name + " now points to this key.";
        });
    }

    /** Asks before deleting the alias; deletes it only if the learner confirms. */
    public void askToRemoveAlias(String aliasName) {
        dialogs.confirm(new DialogService.Confirmation("Delete " + aliasName + "?", "Code and policies that name the "
                + "key by this alias stop finding it (NotFoundException) until the alias exists again. The key and "
                + "its data are not touched.", "Delete alias"), () -> removeAlias(aliasName));
    }

    public void removeAlias(String aliasName) {
        onSelected(id -> engine -> {
            engine.deleteAlias(session.caller(), new DeleteAliasRequest(aliasName));
            return "Deleted alias " + aliasName + "; the key itself is unchanged.";
        });
    }

    public void addTag(String key, String value) {
        onSelected(id -> engine -> {
            engine.tagResource(session.caller(), new TagResourceRequest(id, List.of(new Tag(key.trim(),
                    value == null ? "" : value.trim()))));
            return "Tagged " + key.trim() + ".";
        });
    }

    public void removeTag(String key) {
        onSelected(id -> engine -> {
            engine.untagResource(session.caller(), new UntagResourceRequest(id, List.of(key)));
            return "Removed tag " + key + ".";
        });
    }

    public void updateDescription(String description) {
        onSelected(id -> engine -> {
            engine.updateKeyDescription(session.caller(), new UpdateKeyDescriptionRequest(id,
                    description == null ? "" : description));
            return "Description updated.";
        });
    }

    public void enable() {
        onSelected(id -> engine -> {
            engine.enableKey(session.caller(), new EnableKeyRequest(id));
            return "Key enabled: it can encrypt and decrypt again.";
        });
    }

    /** Asks before disabling the selected key; disables it only if the learner confirms. */
    public void askToDisable() {
        dialogs.confirm(new DialogService.Confirmation("Disable this key?", "While it is disabled every Encrypt, "
                + "Decrypt and GenerateDataKey with it fails with DisabledException. Nothing is lost: enable it "
                + "again at any time.", "Disable key"), this::disable);
    }

    /** Asks before scheduling the selected key's deletion; schedules it only if the learner confirms. */
    public void askToScheduleDeletion(int pendingWindowInDays) {
        dialogs.confirm(new DialogService.Confirmation("Delete this key in " + pendingWindowInDays + " days?",
                deletionWarning(pendingWindowInDays), "Schedule deletion"),
                () -> scheduleDeletion(pendingWindowInDays));
    }

    public void disable() {
        onSelected(id -> engine -> {
            engine.disableKey(session.caller(), new DisableKeyRequest(id));
            return "Key disabled: every cryptographic call with it now fails with DisabledException.";
        });
    }

    public void scheduleDeletion(int pendingWindowInDays) {
        onSelected(id -> engine -> {
            ScheduleKeyDeletionResult r = engine.scheduleKeyDeletion(session.caller(),
                    new ScheduleKeyDeletionRequest(id, pendingWindowInDays));
            if (r.deletionDate() == null) {
                return "Deletion scheduled. This primary key has replicas, so it waits in PendingReplicaDeletion "
                        + "until every replica is deleted; then its " + r.pendingWindowInDays() + "-day waiting "
                        + "period starts. You can cancel until then.";
            }
            return "Deletion scheduled for " + LabFormat.dateTime(r.deletionDate())
                    + ". Until then you can cancel it.";
        });
    }

    // ---- multi-Region keys ----

    /** Simulated Regions the row's key can be replicated to: it must be a primary, and they must not hold it yet. */
    public List<String> replicaTargets(KeyRow row) {
        if (row == null || !isPrimary(row)) {
            return List.of();
        }
        MultiRegionConfiguration config = row.metadata().multiRegionConfiguration();
        return session.regionChoices().stream().filter(r -> !r.equals(config.primaryKey().region())
                && config.replicaKeys().stream().noneMatch(k -> k.region().equals(r))).toList();
    }

    /** ReplicateKey from this Region's primary into {@code region}, with the default key policy. */
    public void replicateTo(String region) {
        onSelected(id -> engine -> {
            engine.replicateKey(session.caller(), new ReplicateKeyRequest(id, region));
            return "Replicated to " + region + ": the same key id and key material, with its own key policy, "
                    + "aliases, grants and state. Ciphertexts from either Region decrypt in both.";
        });
    }

    /** UpdatePrimaryRegion, sent to the current primary's Region, making this Region's replica the primary. */
    public void makePrimary() {
        KeyRow row = selected.get();
        if (row == null || !isReplica(row)) {
            return;
        }
        String here = session.region();
        String primaryRegion = row.metadata().multiRegionConfiguration().primaryKey().region();
        session.mutate(engine -> {
            session.regions().engine(primaryRegion).updatePrimaryRegion(session.caller(),
                    new UpdatePrimaryRegionRequest(row.keyId(), here));
            return "This key in " + here + " is now the primary; the key in " + primaryRegion
                    + " became a replica. Only the primary can be replicated or rotated.";
        }, this::done, this::failed);
    }

    public static boolean isPrimary(KeyRow row) {
        MultiRegionConfiguration config = row.metadata().multiRegionConfiguration();
        return config != null && config.multiRegionKeyType() == MultiRegionKeyType.PRIMARY;
    }

    public static boolean isReplica(KeyRow row) {
        MultiRegionConfiguration config = row.metadata().multiRegionConfiguration();
        return config != null && config.multiRegionKeyType() == MultiRegionKeyType.REPLICA;
    }

    /** "Primary; replicas in eu-west-1" or "Replica; primary in us-east-1", or empty for a single-Region key. */
    public static String multiRegionText(KeyRow row) {
        MultiRegionConfiguration config = row.metadata().multiRegionConfiguration();
        if (config == null) {
            return "";
        }
        List<String> replicas = config.replicaKeys().stream().map(MultiRegionKey::region).toList();
        String replicaText = replicas.isEmpty() ? "no replicas yet" : "replicas in " + String.join(", ", replicas);
        return config.multiRegionKeyType() == MultiRegionKeyType.PRIMARY ? "Primary; " + replicaText
                : "Replica; primary in " + config.primaryKey().region() + ", " + replicaText;
    }

    public void cancelDeletion() {
        onSelected(id -> engine -> {
            engine.cancelKeyDeletion(session.caller(), new CancelKeyDeletionRequest(id));
            return "Deletion cancelled. The key is Disabled: enable it to use it again.";
        });
    }

    /** Where "Watch with this key" sends a flow id and the selected key's id; null hides the button. */
    public void setFlowOpener(BiConsumer<String, Optional<String>> opener) {
        this.flowOpener = opener;
    }

    public boolean canWatchFlows() {
        return flowOpener != null;
    }

    /**
     * The flows that can be recorded on a learner's key: those that only encrypt and decrypt with it. Flows that
     * rotate, delete or rewrite the policy of their key run on a scratch key, so they are not offered here.
     */
    public static List<FlowDefinition> watchableFlows() {
        return FlowCatalogue.all().stream().filter(d -> !d.ownKey()).toList();
    }

    /** Whether the selected key can run those flows: an enabled symmetric encryption key. */
    public static boolean canWatch(KeyRow row) {
        return row != null && row.state() == KeyState.Enabled
                && row.metadata().keySpec() == KeySpec.SYMMETRIC_DEFAULT
                && row.metadata().keyUsage() == KeyUsage.ENCRYPT_DECRYPT;
    }

    /** Opens the flow recorded on the selected key ("Watch with this key"). */
    public void watchFlow(String flowId) {
        KeyRow row = selected.get();
        if (flowOpener != null && canWatch(row)) {
            flowOpener.accept(flowId, Optional.of(row.keyId()));
        }
    }

    /** What a learner loses by deleting the selected key, for the confirmation. */
    public static String deletionWarning(int days) {
        return "After " + days + " days the key and ALL of its key material are deleted for good. Every ciphertext "
                + "and every data key encrypted under it can then never be decrypted again; AWS cannot recover it. "
                + "While the deletion is pending the key cannot be used, and you can still cancel. If you only want "
                + "to stop its use, disable it instead.";
    }

    private void onSelected(Function<String, Function<KmsEngine, String>> action) {
        KeyRow row = selected.get();
        if (row == null) {
            return;
        }
        session.mutate(action.apply(row.keyId()), message -> {
            done(message);
            messageKeyId = row.keyId();
        }, e -> {
            failed(e);
            messageKeyId = row.keyId();
        });
    }

    private void done(String message) {
        error.set(null);
        status.set(message);
    }

    private void failed(LabError e) {
        status.set("");
        error.set(e);
    }

    // ---- properties ----

    public ObservableList<KeyRow> rows() {
        return rows;
    }

    /** The rows that pass the search and the state filter. */
    public FilteredList<KeyRow> visibleRows() {
        return visible;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** Null shows every state. */
    public ObjectProperty<KeyState> stateFilterProperty() {
        return stateFilter;
    }

    public ReadOnlyObjectProperty<KeyRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public KeyRow row(String keyId) {
        return rows.stream().filter(r -> Objects.equals(r.keyId(), keyId)).findFirst().orElse(null);
    }

    /** The session, for dialogs that open from this tab (the import wizard). */
    public KeyLabSession session() {
        return session;
    }
}
