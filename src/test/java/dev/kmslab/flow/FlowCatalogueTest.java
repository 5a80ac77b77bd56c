package dev.kmslab.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.crypto.CiphertextBlob;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlowCatalogueTest {

    private final List<KmsEngine> sandboxes = new ArrayList<>();
    private final FlowRecorder recorder = new FlowRecorder(null, () -> {
        KmsEngine e = FlowRecorder.sandboxEngine();
        sandboxes.add(e);
        return e;
    }, new SecureRandom());

    static Stream<Arguments> expectedCalls() {
        return Stream.of(
                Arguments.of("direct-encrypt", List.of("Encrypt", "Decrypt")),
                Arguments.of("envelope-encryption", List.of("GenerateDataKey")),
                Arguments.of("envelope-decryption", List.of("Decrypt")),
                Arguments.of("data-key-without-plaintext", List.of("GenerateDataKeyWithoutPlaintext", "Decrypt")),
                Arguments.of("rotation", List.of("Encrypt", "RotateKeyOnDemand", "Encrypt", "Decrypt")),
                Arguments.of("reencrypt-after-rotation", List.of("Encrypt", "RotateKeyOnDemand", "ReEncrypt")),
                Arguments.of("key-deletion", List.of("Encrypt", "ScheduleKeyDeletion", "Decrypt", "Decrypt")),
                Arguments.of("context-mismatch", List.of("Encrypt", "Decrypt")),
                Arguments.of("access-denied", List.of("Decrypt", "Decrypt", "PutKeyPolicy", "Decrypt")),
                Arguments.of("cross-account-decrypt", List.of("Encrypt", "Decrypt", "PutKeyPolicy", "Decrypt",
                        "Decrypt")),
                Arguments.of("grant-ebs", List.of("GenerateDataKeyWithoutPlaintext", "CreateGrant", "Decrypt",
                        "Decrypt", "RetireGrant", "Decrypt")),
                Arguments.of("s3-sse-kms", List.of("GenerateDataKey", "Decrypt")),
                Arguments.of("s3-bucket-key", List.of("GenerateDataKey")),
                Arguments.of("secrets-manager-read", List.of("Decrypt")),
                Arguments.of("lambda-env", List.of("Encrypt", "Decrypt")),
                Arguments.of("custom-key-store-encrypt", List.of("CreateCustomKeyStore", "ConnectCustomKeyStore",
                        "CreateKey", "Encrypt", "Decrypt", "DisconnectCustomKeyStore", "Encrypt")));
    }

    @ParameterizedTest
    @MethodSource("expectedCalls")
    void everyFlowMakesItsKmsCallsInOrder(String id, List<String> calls) {
        Flow flow = recorder.record(id, Optional.empty());
        assertThat(flow.id()).isEqualTo(id);
        assertThat(flow.kmsCalls()).containsExactlyElementsOf(calls);
        assertThat(flow.actors()).extracting(Actor::id).contains("kms");
        assertThat(flow.steps()).allSatisfy(s -> assertThat(s.narration()).isNotBlank());
        assertThat(flow.examTips()).isNotEmpty();
    }

    @Test
    void catalogueHasAtLeastTwelveFlowsWithUniqueIds() {
        List<String> ids = FlowCatalogue.all().stream().map(FlowDefinition::id).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(12).doesNotHaveDuplicates();
        assertThat(ids).containsAll(expectedCalls().map(a -> (String) a.get()[0]).toList());
    }

    @ParameterizedTest
    @MethodSource("expectedCalls")
    void plaintextAndDataKeysAreSecretAndWrappedBytesAreNot(String id, List<String> ignored) {
        Flow flow = recorder.record(id, Optional.empty());
        List<Payload> payloads = flow.steps().stream().flatMap(s -> s.payloads().stream()).toList();
        assertThat(payloads).filteredOn(p -> p.kind() == PayloadKind.DATA_KEY || p.kind() == PayloadKind.PLAINTEXT)
                .allMatch(Payload::secret);
        assertThat(payloads).filteredOn(p -> p.kind() == PayloadKind.ENCRYPTED_DATA_KEY
                || p.kind() == PayloadKind.CIPHERTEXT || p.kind() == PayloadKind.IV).noneMatch(Payload::secret);
    }

    @Test
    void envelopeBytesShownAreTheRealOnes_theSdksMessageFieldByField() throws Exception {
        Flow flow = recorder.record("envelope-encryption", Optional.empty());
        byte[] key = step(flow, "GenerateDataKey response").payload("Plaintext data key").orElseThrow().bytes();
        assertThat(key).hasSize(32);
        Step stored = step(flow, "Store");
        byte[] message = stored.payload("AWS Encryption SDK message").orElseThrow().bytes();
        byte[] wrapped = stored.payload("Encrypted data key").orElseThrow().bytes();
        KmsEngine engine = sandboxes.get(0);
        // The message decrypts with the engine, and its encrypted data key is the one KMS returned.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new dev.kmslab.engine.esdk.MessageCrypto(new dev.kmslab.engine.EngineDataKeyProvider(engine,
                CallerContext.root(engine.account()))).decrypt(new java.io.ByteArrayInputStream(message), out,
                dev.kmslab.engine.envelope.EnvelopeOptions.defaults());
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(EnvelopeFlows.DOCUMENT);
        Step header = step(flow, "Write the header");
        assertThat(header.payloads()).extracting(Payload::name).contains("Version = 2",
                "Algorithm ID = 0x0578 ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384", "Message ID",
                "Encrypted data key 1 · Key provider ID = aws-kms", "Encrypted data key 1 · Encrypted data key",
                "Content type = 2 (framed)", "Frame length = 32 bytes", "Algorithm suite data", "Authentication tag");
        assertThat(header.payload("Encrypted data key 1 · Encrypted data key").orElseThrow().bytes())
                .isEqualTo(wrapped);
        assertThat(header.payload("Encryption context pair 2 = department = finance")).isPresent();
        // Every field's bytes are the message's own bytes, in order.
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        for (String action : List.of("Write the header", "AES-256-GCM encrypt", "Sign (footer)")) {
            for (Payload p : step(flow, action).payloads()) {
                if (!p.secret()) {
                    joined.write(p.bytes());
                }
            }
        }
        assertThat(joined.toByteArray()).isEqualTo(message);
        assertThat(step(flow, "AES-256-GCM encrypt").payloads()).extracting(Payload::name)
                .contains("Frame 1 · IV", "Frame 2 · Encrypted content", "Final frame · Encrypted content length = "
                        + (EnvelopeFlows.DOCUMENT.length() - 2 * SdkMessageFlow.FRAME_LENGTH) + " bytes");
    }

    @Test
    void erasingTheDataKeyShowsZeroedBytesAndSaysSo() {
        Flow flow = recorder.record("envelope-encryption", Optional.empty());
        Step erase = step(flow, "Erase the plaintext data key");
        assertThat(erase.payloads().get(0).bytes()).containsOnly((byte) 0).hasSize(32);
        assertThat(erase.stateChanges()).contains("Plaintext data key erased from memory");
    }

    @Test
    void envelopeDecryptionRecoversTheDocument() {
        Flow flow = recorder.record("envelope-decryption", Optional.empty());
        Step decrypt = step(flow, "AES-256-GCM decrypt");
        assertThat(new String(decrypt.payload("Plaintext").orElseThrow().bytes(), StandardCharsets.UTF_8))
                .isEqualTo(EnvelopeFlows.DOCUMENT);
        Step call = step(flow, "Decrypt");
        byte[] info = step(flow, "Parse the header").payload("Encrypted data key 1 · Key provider information")
                .orElseThrow().bytes();
        // 2-byte length, then the key ARN: the KeyId the SDK's master key passes to Decrypt.
        assertThat(call.parameters().get("KeyId"))
                .isEqualTo(new String(info, 2, info.length - 2, StandardCharsets.UTF_8));
        assertThat(step(flow, "Decrypt response").payload("Plaintext data key").orElseThrow().bytes()).hasSize(32);
        assertThat(step(flow, "Verify the signature").payloads()).extracting(Payload::name)
                .contains("Signature length = 103 bytes", "Signature").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void contextMismatchFailsWithInvalidCiphertext() {
        assertThat(failures(recorder.record("context-mismatch", Optional.empty())))
                .containsExactly("InvalidCiphertextException");
    }

    @Test
    void keyDeletionFailsFirstWithInvalidStateThenNotFound() {
        assertThat(failures(recorder.record("key-deletion", Optional.empty())))
                .containsExactly("KMSInvalidStateException", "NotFoundException");
    }

    @Test
    void rotationKeepsOldCiphertextDecryptableAndNewOnesUseVersionTwo() {
        Flow flow = recorder.record("rotation", Optional.empty());
        List<Step> responses = flow.steps().stream().filter(s -> s.action().equals("Encrypt response")).toList();
        assertThat(responses).extracting(s -> s.parameters().get("Key material version")).containsExactly("1", "2");
        assertThat(new String(step(flow, "Decrypt response").payload("Plaintext").orElseThrow().bytes(),
                StandardCharsets.UTF_8)).startsWith("Invoice 2025");
    }

    @Test
    void reEncryptMovesTheBlobToTheNewMaterial() {
        Flow flow = recorder.record("reencrypt-after-rotation", Optional.empty());
        byte[] blob = step(flow, "ReEncrypt response").payloads().get(0).bytes();
        assertThat(CiphertextBlob.parse(blob).keyVersion()).isEqualTo(2);
        assertThat(step(flow, "Decrypt with v1, encrypt with v2").payloads()).isEmpty();
    }

    @Test
    void bucketKeyCutsGenerateDataKeyCallsFromOnePerObjectToOne() {
        Flow flow = recorder.record("s3-bucket-key", Optional.empty());
        Step summary = flow.steps().stream().filter(s -> s.action().startsWith("KMS requests:")).findFirst()
                .orElseThrow();
        assertThat(summary.parameters()).containsEntry("Without Bucket Key", String.valueOf(S3Flows.OBJECTS))
                .containsEntry("With Bucket Key", "1");
    }

    @Test
    void s3CallsGoThroughS3WithTheObjectArnAsContext() {
        Flow flow = recorder.record("s3-sse-kms", Optional.empty());
        Step call = flow.steps().stream().filter(s -> s.action().equals("GenerateDataKey")).findFirst().orElseThrow();
        assertThat(call.from()).isEqualTo("s3");
        assertThat(call.parameters().get("EncryptionContext")).contains("aws:s3:arn")
                .contains(S3Flows.objectArn("2026/q1/summary.csv"));
        assertThat(sandboxes.get(0).auditLog().all()).filteredOn(e -> e.eventName().equals("GenerateDataKey"))
                .isNotEmpty();
    }

    @Test
    void recordsAgainstTheLearnersKeyWhenGivenOne() {
        KmsEngine learner = KmsEngine.inMemory();
        String arn = learner.createKey(CallerContext.root(learner.account()), CreateKeyRequest.symmetric())
                .keyMetadata().arn();
        FlowRecorder own = new FlowRecorder(learner, FlowRecorder::sandboxEngine, new SecureRandom());
        Flow flow = own.record("envelope-encryption", Optional.of(arn));
        assertThat(flow.steps().get(0).parameters()).containsEntry("KeyId", arn);
        assertThat(learner.auditLog().all()).extracting(e -> e.eventName()).contains("GenerateDataKey");
    }

    @Test
    void unknownFlowIsRejected() {
        assertThatThrownBy(() -> recorder.record("no-such-flow", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-flow");
    }

    @Test
    void secretPayloadsNeverPrintTheirBytes() {
        Payload p = Payload.secret("Plaintext data key", PayloadKind.DATA_KEY, new byte[] {0x41, 0x42});
        assertThat(p.toString()).doesNotContain("4142").doesNotContain("AB").contains("secret");
    }

    private static Step step(Flow flow, String action) {
        return flow.steps().stream().filter(s -> s.action().equals(action)).findFirst().orElseThrow();
    }

    private static List<String> failures(Flow flow) {
        return flow.steps().stream().filter(Step::failed).map(s -> s.failure().orElseThrow().errorCode()).toList();
    }
}
