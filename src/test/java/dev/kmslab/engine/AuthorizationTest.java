package dev.kmslab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.authz.AuthorizationDecision;
import dev.kmslab.engine.authz.AuthorizationRequest;
import dev.kmslab.engine.authz.Authorizer;
import dev.kmslab.engine.error.AccessDeniedException;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizationTest {

    private static final CallerContext BOB = CallerContext.of("arn:aws:iam::111122223333:user/bob");

    @Test
    void accountRoot_mayDoEverything_othersAreDeniedWithAwsMessage() {
        EngineFixture f = new EngineFixture();
        String keyId = f.newKey();
        byte[] blob = f.encrypt(keyId, "x");

        assertThatThrownBy(() -> f.engine.decrypt(BOB, DecryptRequest.of(blob, EngineFixture.CONTEXT)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User: arn:aws:iam::111122223333:user/bob is not authorized to perform: kms:Decrypt on "
                        + "resource: " + f.arn(keyId) + " because no resource-based policy allows the kms:Decrypt "
                        + "action");
        assertThatThrownBy(() -> f.engine.createKey(BOB, CreateKeyRequest.symmetric()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.engine.listKeys(BOB, ListKeysRequest.firstPage()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void authorizer_seesActionKeyContextAndConditions_onceForEachCall() throws Exception {
        List<AuthorizationRequest> seen = new ArrayList<>();
        Authorizer recording = request -> {
            seen.add(request);
            return AuthorizationDecision.allow("test allows");
        };
        KmsEngine engine = KmsEngine.open(EngineConfig.defaults().withAuthorizer(recording)
                .withStorage(new InMemoryKeystoreStorage()));
        String keyId = engine.createKey(BOB, CreateKeyRequest.symmetric()).keyMetadata().keyId();
        engine.createAlias(BOB, new CreateAliasRequest("alias/app", keyId));
        seen.clear();

        engine.encrypt(BOB, EncryptRequest.of("alias/app", new byte[1], Map.of("k", "v")));
        engine.scheduleKeyDeletion(BOB, new ScheduleKeyDeletionRequest(keyId, 9));
        engine.describeKey(BOB, new DescribeKeyRequest(keyId));

        assertThat(seen).extracting(AuthorizationRequest::action)
                .containsExactly("kms:Encrypt", "kms:ScheduleKeyDeletion", "kms:DescribeKey");
        AuthorizationRequest encrypt = seen.get(0);
        assertThat(encrypt.caller()).isEqualTo(BOB);
        assertThat(encrypt.key().arn()).endsWith(keyId);
        assertThat(encrypt.key().aliases()).containsExactly("alias/app");
        assertThat(encrypt.encryptionContext()).containsEntry("k", "v");
        assertThat(encrypt.conditionValues()).containsEntry("kms:RequestAlias", "alias/app");
        assertThat(seen.get(1).conditionValues()).containsEntry("kms:ScheduleKeyDeletionPendingWindowInDays", "9");
    }
}
