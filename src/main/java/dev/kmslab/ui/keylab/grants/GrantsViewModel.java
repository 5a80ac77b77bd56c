package dev.kmslab.ui.keylab.grants;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.CreateGrantResult;
import dev.kmslab.engine.model.GrantListEntry;
import dev.kmslab.engine.model.ListGrantsRequest;
import dev.kmslab.engine.model.ListGrantsResult;
import dev.kmslab.engine.model.RetireGrantRequest;
import dev.kmslab.engine.model.RevokeGrantRequest;
import dev.kmslab.engine.policy.GrantOperation;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabError;
import dev.kmslab.ui.keylab.actas.PrincipalCatalog;
import dev.kmslab.ui.keylab.actas.PrincipalChoice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Grants screen for the key selected in the session: ListGrants, CreateGrant (showing the new grant's id and its
 * token), RetireGrant and RevokeGrant, all as the principal the lab acts as.
 */
public final class GrantsViewModel {

    /** Every operation a grant can allow, by API name, in the order AWS documents them. */
    public static final List<String> OPERATIONS = Arrays.stream(GrantOperation.values())
            .map(GrantOperation::apiName).toList();

    private final KeyLabSession session;
    private final ObservableList<GrantRow> rows = FXCollections.observableArrayList();
    private final ObservableList<PrincipalChoice> principals = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyStringWrapper createdGrantId = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyStringWrapper createdGrantToken = new javafx.beans.property.ReadOnlyStringWrapper("");
    private String createdGrantee;
    private final javafx.beans.property.ReadOnlyStringWrapper status = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<LabError> error = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    // Loads run on worker threads and may finish out of order; only the newest one is shown.
    private int loads;

    private final dev.kmslab.ui.common.DialogService dialogs;

    /** For tests that never reach a dialog; asking for one fails. */
    public GrantsViewModel(KeyLabSession session) {
        this(session, dev.kmslab.ui.common.DialogService.none());
    }

    public GrantsViewModel(KeyLabSession session, dev.kmslab.ui.common.DialogService dialogs) {
        this.session = session;
        this.dialogs = dialogs;
        session.revisionProperty().addListener((obs, was, now) -> reload());
        session.selectedKeyIdProperty().addListener((obs, was, now) -> {
            createdGrantId.set("");
            createdGrantToken.set("");
            status.set("");
            error.set(null);
            reload();
        });
        reload();
    }

    public void reload() {
        String keyId = session.selectedKeyIdProperty().get();
        if (session.engine() == null) {
            return;
        }
        session.call(PrincipalCatalog::load, loaded -> {
            if (!loaded.equals(principals)) {
                principals.setAll(loaded);
            }
        }, error::set);
        if (keyId == null) {
            rows.clear();
            return;
        }
        int load = ++loads;
        dev.kmslab.engine.CallerContext caller = session.caller();
        session.call(engine -> list(engine, caller, keyId), loaded -> {
            if (load == loads) {
                rows.setAll(loaded);
            }
        }, e -> {
            if (load == loads) {
                rows.clear();
                error.set(e);
            }
        });
    }

    private static List<GrantRow> list(KmsEngine engine, dev.kmslab.engine.CallerContext caller, String keyId) {
        List<GrantRow> all = new ArrayList<>();
        String marker = null;
        do {
            ListGrantsResult page = engine.listGrants(caller,
                    new ListGrantsRequest(keyId, 100, marker, null, null));
            for (GrantListEntry g : page.grants()) {
                all.add(new GrantRow(g));
            }
            marker = page.truncated() ? page.nextMarker() : null;
        } while (marker != null);
        return all;
    }

    /** CreateGrant; on success the grant id and token are shown until the next key change. */
    public void create(GrantForm form) {
        String keyId = session.selectedKeyIdProperty().get();
        if (keyId == null) {
            return;
        }
        CreateGrantRequest request;
        try {
            request = form.toRequest(keyId);
        } catch (IllegalArgumentException e) {
            error.set(new LabError("ValidationException", "Constraints: " + e.getMessage(),
                    "Write the encryption context constraint as key=value pairs separated by commas."));
            return;
        }
        dev.kmslab.engine.CallerContext caller = session.caller();
        session.mutate(engine -> engine.createGrant(caller, request), (CreateGrantResult r) -> {
            error.set(null);
            createdGrantId.set(r.grantId());
            createdGrantToken.set(r.grantToken());
            createdGrantee = request.granteePrincipal();
            status.set("Created grant " + r.grantId() + ". The grantee can use the grant token at once, before the "
                    + "grant is visible everywhere (eventual consistency).");
        }, this::failed);
    }

    /**
     * Acts as the new grant's grantee, presenting its grant token with every call (until another principal is
     * chosen): how a grantee uses a grant before it has propagated.
     */
    public void actAsGranteeWithToken() {
        String token = createdGrantToken.get();
        if (createdGrantee == null || token.isEmpty()) {
            return;
        }
        session.callerProperty().set(new dev.kmslab.engine.CallerContext(createdGrantee, java.util.Optional.empty(),
                java.util.List.of(token)));
        status.set("Acting as " + createdGrantee + " with the new grant's token: the next calls present it.");
    }

    /** RetireGrant by key and grant id: allowed to the retiring principal and, if the grant says so, the grantee. */
    public void retire(GrantRow row) {
        dev.kmslab.engine.CallerContext caller = session.caller();
        grantChange(row, engine -> engine.retireGrant(caller,
                RetireGrantRequest.byId(row.entry().keyId(), row.grantId())), "Retired");
    }

    /** RevokeGrant: a key administrator's way to cancel a grant, decided by the key policy and IAM. */
    /** Asks before revoking {@code row}'s grant; revokes it only if the learner confirms. */
    public void askToRevoke(GrantRow row) {
        dialogs.confirm(new dev.kmslab.ui.common.DialogService.Confirmation("Revoke grant " + row.grantId() + "?", "The grantee loses the "
                + "operations this grant allows at once. Ciphertexts it made are unaffected, but it can no longer use "
                + "the key through this grant.", "Revoke"), () -> revoke(row));
    }

    public void revoke(GrantRow row) {
        dev.kmslab.engine.CallerContext caller = session.caller();
        grantChange(row, engine -> engine.revokeGrant(caller,
                new RevokeGrantRequest(row.entry().keyId(), row.grantId())), "Revoked");
    }

    private void grantChange(GrantRow row, java.util.function.Consumer<KmsEngine> op, String verb) {
        if (row == null) {
            return;
        }
        session.mutate(engine -> {
            op.accept(engine);
            return row.grantId();
        }, id -> {
            error.set(null);
            status.set(verb + " grant " + id + ". Its permissions end now.");
        }, this::failed);
    }

    private void failed(LabError e) {
        status.set("");
        error.set(e);
    }

    public ObservableList<GrantRow> rows() {
        return rows;
    }

    /** The lab's principals, to pick a grantee or retiring principal from. */
    public ObservableList<PrincipalChoice> principals() {
        return principals;
    }

    public ReadOnlyStringProperty createdGrantIdProperty() {
        return createdGrantId.getReadOnlyProperty();
    }

    /** The token of the grant just created: a credential, shown once and never logged. */
    public ReadOnlyStringProperty createdGrantTokenProperty() {
        return createdGrantToken.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabError> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
