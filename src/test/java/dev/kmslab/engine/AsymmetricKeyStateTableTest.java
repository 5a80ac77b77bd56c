package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kmslab.engine.core.KeyStateTable;
import dev.kmslab.engine.core.KeyStateTable.Verdict;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditQuery;
import dev.kmslab.engine.error.AccessDeniedException;
import dev.kmslab.engine.model.AlgorithmSpec;
import dev.kmslab.engine.model.DataKeyPairSpec;
import dev.kmslab.engine.model.DeleteImportedKeyMaterialRequest;
import dev.kmslab.engine.model.DeriveSharedSecretRequest;
import dev.kmslab.engine.model.GenerateDataKeyPairRequest;
import dev.kmslab.engine.model.GenerateMacRequest;
import dev.kmslab.engine.model.GetParametersForImportRequest;
import dev.kmslab.engine.model.GetPublicKeyRequest;
import dev.kmslab.engine.model.ImportKeyMaterialRequest;
import dev.kmslab.engine.model.KeyAgreementAlgorithmSpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SignRequest;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import dev.kmslab.engine.model.VerifyMacRequest;
import dev.kmslab.engine.model.VerifyRequest;
import dev.kmslab.engine.model.WrappingKeySpec;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The key-state table for the operations on asymmetric, HMAC and imported keys, called for real through the facade on keys in
 * each reachable state; plus the single authorization point and the audit trail for each of them.
 */
class AsymmetricKeyStateTableTest {

    /** Each operation, given the fixture, calls the facade and returns the key id it acted on. */
    static final Map<KmsOperation, Function<AsymmetricFixture, String>> CALLS =
            new EnumMap<>(KmsOperation.class);

    static {
        CALLS.put(KmsOperation.Sign, f -> {
            f.engine.sign(ROOT, SignRequest.raw(f.signKey, AsymmetricFixture.MESSAGE,
                    SigningAlgorithmSpec.ECDSA_SHA_256));
            return f.signKey;
        });
        CALLS.put(KmsOperation.Verify, f -> {
            f.engine.verify(ROOT, new VerifyRequest(f.signKey, AsymmetricFixture.MESSAGE, MessageType.RAW,
                    f.signature, SigningAlgorithmSpec.ECDSA_SHA_256));
            return f.signKey;
        });
        CALLS.put(KmsOperation.GetPublicKey, f -> {
            f.engine.getPublicKey(ROOT, new GetPublicKeyRequest(f.signKey));
            return f.signKey;
        });
        CALLS.put(KmsOperation.GenerateMac, f -> {
            f.engine.generateMac(ROOT, new GenerateMacRequest(AsymmetricFixture.MESSAGE, f.macKey,
                    MacAlgorithmSpec.HMAC_SHA_256));
            return f.macKey;
        });
        CALLS.put(KmsOperation.VerifyMac, f -> {
            f.engine.verifyMac(ROOT, new VerifyMacRequest(AsymmetricFixture.MESSAGE, f.macKey,
                    MacAlgorithmSpec.HMAC_SHA_256, f.mac));
            return f.macKey;
        });
        CALLS.put(KmsOperation.DeriveSharedSecret, f -> {
            f.engine.deriveSharedSecret(ROOT, new DeriveSharedSecretRequest(f.agreementKey,
                    KeyAgreementAlgorithmSpec.ECDH, PeerKeys.p256()));
            return f.agreementKey;
        });
        CALLS.put(KmsOperation.GenerateDataKeyPair, f -> {
            f.engine.generateDataKeyPair(ROOT, GenerateDataKeyPairRequest.of(f.symmetricKey,
                    DataKeyPairSpec.ECC_NIST_P256)).destroyPlaintext();
            return f.symmetricKey;
        });
        CALLS.put(KmsOperation.GenerateDataKeyPairWithoutPlaintext, f -> {
            f.engine.generateDataKeyPairWithoutPlaintext(ROOT, GenerateDataKeyPairRequest.of(f.symmetricKey,
                    DataKeyPairSpec.ECC_NIST_P256));
            return f.symmetricKey;
        });
        CALLS.put(KmsOperation.GetParametersForImport, f -> {
            f.engine.getParametersForImport(ROOT, new GetParametersForImportRequest(f.externalKey,
                    AlgorithmSpec.RSAES_OAEP_SHA_1, WrappingKeySpec.RSA_2048));
            return f.externalKey;
        });
        CALLS.put(KmsOperation.ImportKeyMaterial, f -> {
            f.engine.importKeyMaterial(ROOT, ImportKeyMaterialRequest.withoutExpiry(f.externalKey, f.importToken,
                    f.wrappedMaterial));
            return f.externalKey;
        });
        CALLS.put(KmsOperation.DeleteImportedKeyMaterial, f -> {
            f.engine.deleteImportedKeyMaterial(ROOT, new DeleteImportedKeyMaterialRequest(f.externalKey));
            return f.externalKey;
        });
    }

    /**
     * Getting parameters and importing are management calls (any state but PendingDeletion); deleting imported
     * material works in every state; the rest use the key.
     */
    private static final Set<KmsOperation> MANAGEMENT = EnumSet.of(KmsOperation.GetParametersForImport,
            KmsOperation.ImportKeyMaterial);

    static Map<KmsOperation, Function<AsymmetricFixture, String>> calls() {
        return CALLS;
    }

    static Stream<Arguments> cells() {
        return CALLS.keySet().stream().flatMap(op -> Stream.of(KeyState.Enabled, KeyState.Disabled,
                KeyState.PendingDeletion).map(state -> Arguments.of(op, state)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cells")
    void engine_followsTheTable(KmsOperation op, KeyState state) {
        AsymmetricFixture f = new AsymmetricFixture(state);
        String[] used = new String[1];

        Throwable thrown = catchThrowable(() -> used[0] = CALLS.get(op).apply(f));

        Verdict expected = KeyStateTable.verdict(op, state);
        if (expected == Verdict.ALLOWED) {
            assertThat(thrown).as("%s on %s", op, state).isNull();
        } else {
            Throwable want = expected.toException(f.arn(keyOf(op, f)), state);
            assertThat(thrown).as("%s on %s", op, state).isInstanceOf(want.getClass()).hasMessage(want.getMessage());
        }
    }

    @Test
    void newOperations_needAnEnabledKey_likeEveryCryptographicOperation() {
        for (KmsOperation op : CALLS.keySet()) {
            if (op == KmsOperation.DeleteImportedKeyMaterial) {
                for (KeyState state : EnumSet.of(KeyState.Enabled, KeyState.Disabled, KeyState.PendingDeletion,
                        KeyState.PendingImport, KeyState.Unavailable)) {
                    assertThat(KeyStateTable.verdict(op, state)).as(state.name()).isEqualTo(Verdict.ALLOWED);
                }
                continue;
            }
            if (MANAGEMENT.contains(op)) {
                assertThat(KeyStateTable.verdict(op, KeyState.Disabled)).isEqualTo(Verdict.ALLOWED);
                assertThat(KeyStateTable.verdict(op, KeyState.PendingImport)).isEqualTo(Verdict.ALLOWED);
                assertThat(KeyStateTable.verdict(op, KeyState.PendingDeletion)).isEqualTo(Verdict.PENDING_DELETION);
                continue;
            }
            assertThat(KeyStateTable.verdict(op, KeyState.Enabled)).as(op.name()).isEqualTo(Verdict.ALLOWED);
            assertThat(KeyStateTable.verdict(op, KeyState.Disabled)).as(op.name()).isEqualTo(Verdict.DISABLED);
            assertThat(KeyStateTable.verdict(op, KeyState.PendingDeletion)).as(op.name())
                    .isEqualTo(Verdict.PENDING_DELETION);
            assertThat(KeyStateTable.verdict(op, KeyState.PendingImport)).as(op.name())
                    .isEqualTo(Verdict.PENDING_IMPORT);
        }
    }

    @Test
    void everyNewOperation_isDeniedAtTheAuthorizationPoint_andAuditedWithItsAction() throws Exception {
        for (Map.Entry<KmsOperation, Function<AsymmetricFixture, String>> call : CALLS.entrySet()) {
            AsymmetricFixture f = new AsymmetricFixture(KeyState.Enabled);
            byte[] before = f.base.storage.load().orElseThrow();
            f.base.denyAll = true;

            assertThatThrownBy(() -> call.getValue().apply(f)).as(call.getKey().name())
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("is not authorized to perform: " + call.getKey().action());
            assertThat(f.base.storage.load().orElseThrow()).isEqualTo(before);
            List<AuditEvent> denied = f.base.audit.query(AuditQuery.all().forEvent(call.getKey().name())
                    .onlyErrors());
            assertThat(denied).as(call.getKey().name()).hasSize(1);
            assertThat(denied.get(0).errorCode()).isEqualTo("AccessDeniedException");
        }
    }

    @Test
    void successfulCalls_areAudited_withoutMessagesOrSecrets() {
        AsymmetricFixture f = new AsymmetricFixture(KeyState.Enabled);
        for (Function<AsymmetricFixture, String> call : CALLS.values()) {
            call.apply(f);
        }
        for (KmsOperation op : CALLS.keySet()) {
            List<AuditEvent> events = f.base.audit.query(AuditQuery.all().forEvent(op.name()));
            assertThat(events).as(op.name()).isNotEmpty();
            for (AuditEvent e : events) {
                assertThat(e.requestParameters()).doesNotContainKeys("message", "signature", "mac", "plaintext",
                        "sharedSecret", "privateKeyPlaintext", "importToken", "encryptedKeyMaterial");
                assertThat(e.requestParameters().values()).noneMatch(v -> v instanceof byte[]);
            }
        }
    }

    private static String keyOf(KmsOperation op, AsymmetricFixture f) {
        switch (op) {
            case Sign:
            case Verify:
            case GetPublicKey:
                return f.signKey;
            case GenerateMac:
            case VerifyMac:
                return f.macKey;
            case DeriveSharedSecret:
                return f.agreementKey;
            case GetParametersForImport:
            case ImportKeyMaterial:
            case DeleteImportedKeyMaterial:
                return f.externalKey;
            default:
                return f.symmetricKey;
        }
    }
}
