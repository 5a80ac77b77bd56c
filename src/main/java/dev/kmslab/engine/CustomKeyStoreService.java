package dev.kmslab.engine;

import dev.kmslab.engine.core.AuditParams;
import dev.kmslab.engine.core.Call;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.keystores.CustomKeyStoreOperations;
import dev.kmslab.engine.model.ConnectCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateCustomKeyStoreResult;
import dev.kmslab.engine.model.DeleteCustomKeyStoreRequest;
import dev.kmslab.engine.model.DescribeCustomKeyStoresRequest;
import dev.kmslab.engine.model.DescribeCustomKeyStoresResult;
import dev.kmslab.engine.model.DisconnectCustomKeyStoreRequest;
import dev.kmslab.engine.model.UpdateCustomKeyStoreRequest;
import java.util.Map;
import java.util.function.Function;

/**
 * The six custom key store operations of a {@link KmsEngine} ({@code engine.customKeyStores()}), one method per AWS
 * operation, gated, authorized and audited like the engine's own methods. A store here is an AWS_CLOUDHSM-style
 * store whose "cluster" is a PKCS#11 token; KMS keys created in it (CreateKey with a CustomKeyStoreId) keep their
 * key material in the token. The KeyStorePassword (the token PIN) never reaches the audit log.
 *
 * <p>ConnectCustomKeyStore is synchronous in the lab but reports like AWS: a failed login does not fail the call;
 * the store becomes FAILED and DescribeCustomKeyStores gives its ConnectionErrorCode.
 */
public final class CustomKeyStoreService {

    private final EngineCore core;
    private final CustomKeyStoreOperations operations;

    CustomKeyStoreService(EngineCore core, CustomKeyStoreOperations operations) {
        this.core = core;
        this.operations = operations;
    }

    /** The one pipeline of every operation (due work applied in every linked Region first), as KmsEngine's. */
    private <T> T run(KmsOperation op, CallerContext caller, Map<String, Object> params, Function<Call, T> body) {
        return core.run(op, caller, params, body);
    }

    private static Map<String, Object> storeParam(String storeId) {
        return AuditParams.of("customKeyStoreId", storeId);
    }

    public CreateCustomKeyStoreResult createCustomKeyStore(CallerContext caller, CreateCustomKeyStoreRequest r) {
        return run(KmsOperation.CreateCustomKeyStore, caller, AuditParams.of("customKeyStoreName",
                r.customKeyStoreName(), "customKeyStoreType", "AWS_CLOUDHSM", "moduleLibrary",
                r.moduleLibrary() == null ? null : r.moduleLibrary().toString(), "slotId", r.slotId(),
                "slotListIndex", r.slotListIndex(), "tokenLabel", r.tokenLabel()),
                call -> operations.create(call, r));
    }

    public DescribeCustomKeyStoresResult describeCustomKeyStores(CallerContext caller,
                                                                 DescribeCustomKeyStoresRequest r) {
        return run(KmsOperation.DescribeCustomKeyStores, caller, AuditParams.of("customKeyStoreId",
                r.customKeyStoreId(), "customKeyStoreName", r.customKeyStoreName(), "limit", r.limit(), "marker",
                r.marker()), call -> operations.describe(call, r));
    }

    public void connectCustomKeyStore(CallerContext caller, ConnectCustomKeyStoreRequest r) {
        run(KmsOperation.ConnectCustomKeyStore, caller, storeParam(r.customKeyStoreId()), call -> {
            operations.connect(call, r.customKeyStoreId());
            return null;
        });
    }

    public void disconnectCustomKeyStore(CallerContext caller, DisconnectCustomKeyStoreRequest r) {
        run(KmsOperation.DisconnectCustomKeyStore, caller, storeParam(r.customKeyStoreId()), call -> {
            operations.disconnect(call, r.customKeyStoreId());
            return null;
        });
    }

    /** The new password, if any, is not audited. */
    public void updateCustomKeyStore(CallerContext caller, UpdateCustomKeyStoreRequest r) {
        run(KmsOperation.UpdateCustomKeyStore, caller, AuditParams.of("customKeyStoreId", r.customKeyStoreId(),
                "newCustomKeyStoreName", r.newCustomKeyStoreName()), call -> {
                    operations.update(call, r);
                    return null;
                });
    }

    public void deleteCustomKeyStore(CallerContext caller, DeleteCustomKeyStoreRequest r) {
        run(KmsOperation.DeleteCustomKeyStore, caller, storeParam(r.customKeyStoreId()), call -> {
            operations.delete(call, r.customKeyStoreId());
            return null;
        });
    }

    /**
     * Logs out of every connected token without an API call or audit event: for closing the app, so that PKCS#11
     * sessions end cleanly. The stores are DISCONNECTED in the next engine anyway.
     */
    public void closeConnections() {
        core.keyStores.disconnectAll();
    }
}
