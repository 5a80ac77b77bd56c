package dev.kmslab.engine;

import static dev.kmslab.engine.CustomKeyStoreFixture.PIN;
import static dev.kmslab.engine.CustomKeyStoreFixture.ROOT;
import static dev.kmslab.engine.CustomKeyStoreFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.cks.TokenFactory;
import dev.kmslab.engine.model.ConnectionErrorCode;
import dev.kmslab.engine.model.ConnectionState;
import dev.kmslab.engine.error.CloudHsmClusterInUseException;
import dev.kmslab.engine.error.CloudHsmClusterNotFoundException;
import dev.kmslab.engine.error.CustomKeyStoreHasCMKsException;
import dev.kmslab.engine.error.CustomKeyStoreInvalidStateException;
import dev.kmslab.engine.error.CustomKeyStoreNameInUseException;
import dev.kmslab.engine.error.CustomKeyStoreNotFoundException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.CreateCustomKeyStoreRequest;
import dev.kmslab.engine.model.CustomKeyStoreType;
import dev.kmslab.engine.model.CustomKeyStoresListEntry;
import dev.kmslab.engine.model.DeleteCustomKeyStoreRequest;
import dev.kmslab.engine.model.DescribeCustomKeyStoresRequest;
import dev.kmslab.engine.model.DescribeCustomKeyStoresResult;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.UpdateCustomKeyStoreRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The six custom key store operations on a simulated token, against AWS's documented rules. */
class CustomKeyStoreOperationsTest {

    private final CustomKeyStoreFixture f = new CustomKeyStoreFixture();

    @Test
    void create_returnsAwsShapedId_andTheStoreStartsDisconnected() {
        String id = f.createStore("lab-hsm");

        CustomKeyStoresListEntry store = f.describe(id);
        assertThat(id).matches("cks-[0-9a-f]{17}");
        assertThat(store.customKeyStoreName()).isEqualTo("lab-hsm");
        assertThat(store.cloudHsmClusterId()).matches("cluster-[a-z2-7]{11}")
                .isEqualTo(CustomKeyStoreFixture.TOKEN.clusterId());
        assertThat(store.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(store.connectionErrorCode()).isNull();
        assertThat(store.creationDate()).isEqualTo(CustomKeyStoreFixture.START);
        assertThat(store.customKeyStoreType()).isEqualTo(CustomKeyStoreType.AWS_CLOUDHSM);
        assertThat(store.moduleLibrary()).isEqualTo(CustomKeyStoreFixture.MODULE.toString());
        assertThat(store.slot()).isEqualTo("token labelled 'kmslab'");
    }

    @Test
    void create_refusesTakenName_takenToken_missingModule_andAmbiguousSlot() {
        f.createStore("lab-hsm");

        assertThatThrownBy(() -> f.stores().createCustomKeyStore(ROOT, request("lab-hsm", "other", PIN)))
                .isInstanceOf(CustomKeyStoreNameInUseException.class).hasMessageContaining("lab-hsm");
        assertThatThrownBy(() -> f.stores().createCustomKeyStore(ROOT, request("second", "kmslab", PIN)))
                .isInstanceOf(CloudHsmClusterInUseException.class).hasMessageContaining("already associated");
        KmsEngine real = f.open(TokenFactory.pkcs11());
        assertThatThrownBy(() -> real.customKeyStores().createCustomKeyStore(ROOT, new CreateCustomKeyStoreRequest(
                "missing", Path.of("/nonexistent/libpkcs11.so"), null, 0, null, PIN.toCharArray())))
                .isInstanceOf(CloudHsmClusterNotFoundException.class).hasMessageContaining("/nonexistent");
        assertThatThrownBy(() -> f.stores().createCustomKeyStore(ROOT, new CreateCustomKeyStoreRequest("two",
                CustomKeyStoreFixture.MODULE, 1L, 0, null, PIN.toCharArray())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> f.stores().createCustomKeyStore(ROOT, request("nopin", "x", "")))
                .isInstanceOf(ValidationException.class).hasMessage("keyStorePassword must be 1 to 32 characters.");
    }

    @Test
    void describe_filtersByIdOrName_pages_andReportsUnknownStores() {
        String first = f.createStore("first");
        String second = f.stores().createCustomKeyStore(ROOT, request("second", "other", PIN)).customKeyStoreId();

        assertThat(f.stores().describeCustomKeyStores(ROOT, DescribeCustomKeyStoresRequest.all()).customKeyStores())
                .extracting(CustomKeyStoresListEntry::customKeyStoreId).containsExactly(first, second);
        assertThat(f.stores().describeCustomKeyStores(ROOT, DescribeCustomKeyStoresRequest.byName("second"))
                .customKeyStores()).extracting(CustomKeyStoresListEntry::customKeyStoreId).containsExactly(second);
        DescribeCustomKeyStoresResult page = f.stores().describeCustomKeyStores(ROOT,
                new DescribeCustomKeyStoresRequest(null, null, 1, null));
        assertThat(page.truncated()).isTrue();
        assertThat(f.stores().describeCustomKeyStores(ROOT, new DescribeCustomKeyStoresRequest(null, null, 1,
                page.nextMarker())).customKeyStores()).extracting(CustomKeyStoresListEntry::customKeyStoreId)
                .containsExactly(second);
        assertThatThrownBy(() -> f.stores().describeCustomKeyStores(ROOT,
                DescribeCustomKeyStoresRequest.byId("cks-00000000000000000")))
                .isInstanceOf(CustomKeyStoreNotFoundException.class);
        assertThatThrownBy(() -> f.stores().describeCustomKeyStores(ROOT,
                DescribeCustomKeyStoresRequest.byName("nope"))).isInstanceOf(CustomKeyStoreNotFoundException.class);
    }

    @Test
    void connect_andDisconnect_followAwsConnectionStates() {
        String id = f.createStore("lab-hsm");

        assertThatThrownBy(() -> f.disconnect(id)).isInstanceOf(CustomKeyStoreInvalidStateException.class)
                .hasMessageContaining("DISCONNECTED");
        f.connect(id);
        assertThat(f.describe(id).connectionState()).isEqualTo(ConnectionState.CONNECTED);
        f.connect(id); // a no-op while connected, as in AWS
        assertThat(f.describe(id).connectionState()).isEqualTo(ConnectionState.CONNECTED);
        f.disconnect(id);
        assertThat(f.describe(id).connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @Test
    void wrongPin_leavesTheStoreFailed_withInvalidCredentials_untilDisconnectedAndFixed() {
        String id = f.stores().createCustomKeyStore(ROOT, request("lab-hsm", "kmslab", "9999")).customKeyStoreId();

        f.connect(id); // like AWS, the call succeeds and the store reports the failure
        CustomKeyStoresListEntry failed = f.describe(id);
        assertThat(failed.connectionState()).isEqualTo(ConnectionState.FAILED);
        assertThat(failed.connectionErrorCode()).isEqualTo(ConnectionErrorCode.INVALID_CREDENTIALS);
        assertThatThrownBy(() -> f.connect(id)).isInstanceOf(CustomKeyStoreInvalidStateException.class)
                .hasMessageContaining("FAILED").hasMessageContaining("disconnect it first");
        assertThatThrownBy(() -> f.stores().updateCustomKeyStore(ROOT, new UpdateCustomKeyStoreRequest(id, null,
                PIN.toCharArray()))).isInstanceOf(CustomKeyStoreInvalidStateException.class);

        f.disconnect(id);
        assertThat(f.describe(id).connectionErrorCode()).isNull();
        f.stores().updateCustomKeyStore(ROOT, new UpdateCustomKeyStoreRequest(id, null, PIN.toCharArray()));
        f.connect(id);
        assertThat(f.describe(id).connectionState()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void update_renamesEvenWhileConnected_butRefusesATakenName() {
        String id = f.connectedStore();
        f.stores().createCustomKeyStore(ROOT, request("taken", "other", PIN));

        f.stores().updateCustomKeyStore(ROOT, new UpdateCustomKeyStoreRequest(id, "renamed", null));

        assertThat(f.describe(id).customKeyStoreName()).isEqualTo("renamed");
        assertThatThrownBy(() -> f.stores().updateCustomKeyStore(ROOT, new UpdateCustomKeyStoreRequest(id, "taken",
                null))).isInstanceOf(CustomKeyStoreNameInUseException.class);
        assertThatThrownBy(() -> f.stores().updateCustomKeyStore(ROOT, new UpdateCustomKeyStoreRequest(
                "cks-00000000000000000", "x", null))).isInstanceOf(CustomKeyStoreNotFoundException.class);
    }

    @Test
    void delete_needsADisconnectedStore_withNoKeys_evenKeysPendingDeletion() {
        String id = f.connectedStore();
        String keyId = f.newKeyIn(id);

        assertThatThrownBy(() -> delete(id)).isInstanceOf(CustomKeyStoreInvalidStateException.class)
                .hasMessageContaining("CONNECTED");
        f.engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));
        f.disconnect(id);
        assertThatThrownBy(() -> delete(id)).isInstanceOf(CustomKeyStoreHasCMKsException.class)
                .hasMessageContaining("1 KMS key");

        f.engine.advanceClock(Duration.ofDays(7));
        delete(id);

        assertThatThrownBy(() -> f.describe(id)).isInstanceOf(CustomKeyStoreNotFoundException.class);
    }

    @Test
    void stores_surviveARestart_disconnected_andReconnectWithTheStoredPin() {
        String id = f.connectedStore();

        f.restart();

        assertThat(f.describe(id).connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(f.describe(id).customKeyStoreName()).isEqualTo("lab-hsm");
        f.connect(id);
        assertThat(f.describe(id).connectionState()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void closeConnections_logsOutOfEveryToken_withoutAnAuditEvent() {
        String connected = f.connectedStore();
        String failed = f.stores().createCustomKeyStore(ROOT, request("failed", "other", "9999")).customKeyStoreId();
        f.connect(failed);
        int events = f.audit.all().size();

        f.stores().closeConnections();

        assertThat(f.describe(connected).connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(f.describe(failed).connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(f.audit.all()).hasSize(events + 2); // the two DescribeCustomKeyStores calls above
    }

    @Test
    void thePin_isNeverAudited_norPrinted() {
        String id = f.stores().createCustomKeyStore(ROOT, request("lab-hsm", "kmslab", "s3cr3t-pin")).customKeyStoreId();
        f.stores().updateCustomKeyStore(ROOT, new UpdateCustomKeyStoreRequest(id, null, "n3w-s3cr3t".toCharArray()));

        List<AuditEvent> events = f.audit.all();
        assertThat(events).extracting(AuditEvent::eventName).contains("CreateCustomKeyStore", "UpdateCustomKeyStore");
        assertThat(events.toString()).doesNotContain("s3cr3t");
        assertThat(request("n", "l", "s3cr3t-pin").toString()).doesNotContain("s3cr3t");
        assertThat(new UpdateCustomKeyStoreRequest(id, null, "s3cr3t".toCharArray()).toString())
                .doesNotContain("s3cr3t");
    }

    @Test
    void storeOperations_areAuthorizedByIamPolicyAlone() {
        String account = EngineConfig.DEFAULT_ACCOUNT;
        f.engine.principals().createRole(account, "HsmAdmin");
        f.engine.principals().attachRolePolicy(account, "HsmAdmin", "stores", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"kms:CreateCustomKeyStore\","
                + "\"kms:DescribeCustomKeyStores\"],\"Resource\":\"*\"}]}");
        f.engine.principals().createRole(account, "Nobody");
        CallerContext admin = CallerContext.of("arn:aws:sts::" + account + ":assumed-role/HsmAdmin/s");
        CallerContext nobody = CallerContext.of("arn:aws:sts::" + account + ":assumed-role/Nobody/s");

        String id = f.stores().createCustomKeyStore(admin, request("by-admin", "kmslab", PIN)).customKeyStoreId();

        assertThat(f.stores().describeCustomKeyStores(admin, DescribeCustomKeyStoresRequest.byId(id))
                .customKeyStores()).hasSize(1);
        assertThatThrownBy(() -> f.stores().connectCustomKeyStore(admin,
                new dev.kmslab.engine.model.ConnectCustomKeyStoreRequest(id)))
                .isInstanceOf(dev.kmslab.engine.error.AccessDeniedException.class)
                .hasMessageContaining("kms:ConnectCustomKeyStore");
        assertThatThrownBy(() -> f.stores().describeCustomKeyStores(nobody, DescribeCustomKeyStoresRequest.all()))
                .isInstanceOf(dev.kmslab.engine.error.AccessDeniedException.class);
    }

    private void delete(String id) {
        f.stores().deleteCustomKeyStore(ROOT, new DeleteCustomKeyStoreRequest(id));
    }
}
