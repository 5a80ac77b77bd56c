package dev.kmslab.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The signing and imported-material flows: real calls in order, real bytes, and failures where AWS would fail. */
class AsymmetricFlowsTest {

    private final List<KmsEngine> sandboxes = new ArrayList<>();
    private final FlowRecorder recorder = new FlowRecorder(null, () -> {
        KmsEngine e = FlowRecorder.sandboxEngine();
        sandboxes.add(e);
        return e;
    }, new SecureRandom());

    // ---- sign-verify-offline ----

    @Test
    void signVerify_makesItsKmsCallsInOrder_andTheOfflineStepsMakeNone() {
        Flow flow = recorder.record("sign-verify-offline", Optional.empty());
        assertThat(flow.kmsCalls()).containsExactly("CreateKey", "GetPublicKey", "Sign", "Verify", "Verify");
        List<Step> offline = steps(flow, "partner", "partner");
        assertThat(offline).hasSize(2).noneMatch(Step::kmsCall)
                .allSatisfy(s -> assertThat(s.parameters()).containsEntry("KMS calls", "0"));
        assertThat(flow.actor("partner").orElseThrow().name()).isEqualTo("Partner without AWS credentials");
        assertThat(flow.steps()).allSatisfy(s -> assertThat(s.narration()).isNotBlank());
        assertThat(flow.examTips()).isNotEmpty();
    }

    @Test
    void signVerify_theSignatureInTheFlowVerifiesWithThePublicKeyInTheFlow() throws Exception {
        Flow flow = recorder.record("sign-verify-offline", Optional.empty());
        Step keyResponse = step(flow, "GetPublicKey response");
        byte[] der = keyResponse.payload("Public key (DER)").orElseThrow().bytes();
        byte[] signature = step(flow, "Sign response").payload("Signature").orElseThrow().bytes();
        byte[] message = step(flow, "Sign").payload("Message").orElseThrow().bytes();

        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        assertThat(((ECPublicKey) key).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        Signature jca = Signature.getInstance("SHA256withECDSA");
        jca.initVerify(key);
        jca.update(message);
        assertThat(jca.verify(signature)).isTrue();
        assertThat(new String(message, StandardCharsets.UTF_8)).isEqualTo(SignVerifyFlow.MANIFEST);

        String pem = keyResponse.payload("Public key (PEM)").orElseThrow().textOrEmpty();
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replace("\n", "");
        assertThat(Base64.getDecoder().decode(body)).isEqualTo(der);
        assertThat(step(flow, "Share the public key").payload("Public key (PEM)").orElseThrow().textOrEmpty())
                .isEqualTo(pem);
    }

    @Test
    void signVerify_offlineAcceptsTheGenuineManifestAndRejectsTheTamperedOne() {
        Flow flow = recorder.record("sign-verify-offline", Optional.empty());
        Step genuine = step(flow, "Verify offline");
        Step tampered = step(flow, "Verify a tampered manifest offline");
        assertThat(genuine.parameters()).containsEntry("Result", "valid");
        assertThat(tampered.parameters()).containsEntry("Result", "INVALID");
        assertThat(tampered.payload("Message").orElseThrow().bytes())
                .isEqualTo(SignVerifyFlow.TAMPERED.getBytes(StandardCharsets.UTF_8));
        // The tampered step carries the very signature KMS produced: only the message changed.
        assertThat(tampered.payload("Signature").orElseThrow().bytes())
                .isEqualTo(step(flow, "Sign response").payload("Signature").orElseThrow().bytes());
        assertThat(genuine.failed()).isFalse();
        assertThat(tampered.failed()).isFalse();
    }

    @Test
    void signVerify_kmsVerifyAcceptsTheGenuineAndFailsTheTamperedWithKmsInvalidSignature() {
        Flow flow = recorder.record("sign-verify-offline", Optional.empty());
        assertThat(step(flow, "Verify response").parameters()).containsEntry("SignatureValid", "true");
        assertThat(failures(flow)).containsExactly("KMSInvalidSignatureException");
        assertThat(step(flow, "Verify error").to()).isEqualTo("client");
        List<String> trail = flow.steps().stream().filter(s -> s.to().equals("cloudtrail"))
                .map(s -> s.parameters().get("eventName")).toList();
        assertThat(trail).containsExactly("Sign", "Verify", "Verify");
    }

    @Test
    void offlineVerifier_rejectsGarbageSignaturesAsInvalidRatherThanThrowing() {
        Flow flow = recorder.record("sign-verify-offline", Optional.empty());
        byte[] der = step(flow, "GetPublicKey response").payload("Public key (DER)").orElseThrow().bytes();
        assertThat(OfflineVerifier.verify(der, SigningAlgorithmSpec.ECDSA_SHA_256, new byte[] {1}, new byte[] {2}))
                .isFalse();
    }

    // ---- import-key-material ----

    @Test
    void import_makesItsKmsCallsInOrder() {
        Flow flow = recorder.record("import-key-material", Optional.empty());
        assertThat(flow.kmsCalls()).containsExactly("CreateKey", "GetParametersForImport", "ImportKeyMaterial",
                "DescribeKey", "Encrypt", "Encrypt", "Decrypt", "GetParametersForImport", "ImportKeyMaterial",
                "ImportKeyMaterial", "DescribeKey", "Decrypt");
        assertThat(flow.steps()).allSatisfy(s -> assertThat(s.narration()).isNotBlank());
        assertThat(flow.examTips()).isNotEmpty();
    }

    @Test
    void import_failsOnlyWhereAwsWould_withTheExactExceptionNames() {
        Flow flow = recorder.record("import-key-material", Optional.empty());
        assertThat(failures(flow)).containsExactly("KMSInvalidStateException", "KMSInvalidStateException",
                "IncorrectKeyMaterialException");
        assertThat(flow.steps()).filteredOn(Step::failed).extracting(Step::action)
                .containsExactly("Encrypt error", "Decrypt error", "ImportKeyMaterial error");
        assertThat(step(flow, "Encrypt error").failure().orElseThrow().message()).contains("pending import");
        assertThat(step(flow, "Decrypt error").failure().orElseThrow().message()).contains("pending import");
    }

    @Test
    void import_keyStatesAndExpiryFollowTheEngineClock() {
        Flow flow = recorder.record("import-key-material", Optional.empty());
        assertThat(step(flow, "CreateKey response").parameters()).containsEntry("KeyState", "PendingImport")
                .containsEntry("Origin", "EXTERNAL");
        List<Step> described = flow.steps().stream().filter(s -> s.action().equals("DescribeKey response")).toList();
        assertThat(described).extracting(s -> s.parameters().get("KeyState")).containsExactly("Enabled", "Enabled");
        assertThat(described).extracting(s -> s.parameters().get("ExpirationModel"))
                .containsOnly("KEY_MATERIAL_EXPIRES");
        String firstValidTo = described.get(0).parameters().get("ValidTo");
        assertThat(firstValidTo).isEqualTo(FlowRecorder.SANDBOX_START.plus(ImportKeyMaterialFlow.FIRST_VALIDITY)
                .toString());
        Step expiry = step(flow, "Key material expires");
        assertThat(expiry.parameters()).containsEntry("ValidTo", firstValidTo)
                .containsEntry("Service event", "[DeleteExpiredKeyMaterial]");

        List<Step> parameters = flow.steps().stream().filter(s -> s.action().equals("GetParametersForImport response"))
                .toList();
        assertThat(parameters.get(0).parameters()).containsEntry("ParametersValidTo",
                FlowRecorder.SANDBOX_START.plus(java.time.Duration.ofHours(24)).toString());
        assertThat(parameters.get(0).payload("Import token").orElseThrow().bytes())
                .isNotEqualTo(parameters.get(1).payload("Import token").orElseThrow().bytes());
    }

    @Test
    void import_theSameMaterialIsWrappedTwice_andTheOldCiphertextDecryptsAgain() {
        Flow flow = recorder.record("import-key-material", Optional.empty());
        List<Step> generated = flow.steps().stream().filter(s -> s.action().equals("Generate 256-bit key material"))
                .toList();
        assertThat(generated).hasSize(1);
        byte[] material = generated.get(0).payload("Key material").orElseThrow().bytes();
        assertThat(material).hasSize(32);
        assertThat(generated.get(0).payload("Key material").orElseThrow().secret()).isTrue();

        List<Step> wraps = flow.steps().stream().filter(s -> s.action().startsWith("Wrap with the public key"))
                .toList();
        assertThat(wraps).hasSize(3);
        // First import, the refused fresh material, then the original from the backup.
        assertThat(wraps.get(0).payload("Key material").orElseThrow().bytes()).isEqualTo(material);
        byte[] fresh = step(flow, "Generate new 256-bit key material").payload("Key material").orElseThrow().bytes();
        assertThat(fresh).hasSize(32).isNotEqualTo(material);
        assertThat(wraps.get(1).payload("Key material").orElseThrow().bytes()).isEqualTo(fresh);
        assertThat(wraps.get(2).payload("Key material").orElseThrow().bytes()).isEqualTo(material);
        assertThat(step(flow, "Read your copy").payload("Key material").orElseThrow().bytes()).isEqualTo(material);
        assertThat(wraps).allSatisfy(w -> assertThat(w.payload("Encrypted key material").orElseThrow().size())
                .isEqualTo(256));

        byte[] blob = step(flow, "Encrypt response").payload("Ciphertext blob").orElseThrow().bytes();
        List<Step> decrypted = flow.steps().stream().filter(s -> s.action().equals("Decrypt response")).toList();
        assertThat(decrypted).hasSize(1);
        Step last = decrypted.get(0);
        assertThat(last.failed()).isFalse();
        assertThat(flow.steps().indexOf(last)).isGreaterThan(flow.steps().indexOf(step(flow, "Decrypt error")))
                .isEqualTo(flow.steps().size() - 1);
        assertThat(new String(last.payload("Plaintext").orElseThrow().bytes(), StandardCharsets.UTF_8))
                .isEqualTo(ImportKeyMaterialFlow.DOCUMENT);
        // The blob shown is the engine's real ciphertext: the sandbox decrypts it independently of the flow.
        KmsEngine engine = sandboxes.get(0);
        byte[] plain = engine.decrypt(CallerContext.root(engine.account()),
                DecryptRequest.of(blob, ImportKeyMaterialFlow.CONTEXT)).plaintext();
        assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo(ImportKeyMaterialFlow.DOCUMENT);
    }

    @Test
    void import_theWrappedMaterialInTheFlowIsWhatTheEngineAccepted() throws Exception {
        Flow flow = recorder.record("import-key-material", Optional.empty());
        List<Step> imports = flow.steps().stream().filter(s -> s.action().equals("ImportKeyMaterial")).toList();
        List<Step> wraps = flow.steps().stream().filter(s -> s.action().startsWith("Wrap with the public key"))
                .toList();
        for (int i = 0; i < imports.size(); i++) {
            assertThat(imports.get(i).payload("Encrypted key material").orElseThrow().bytes())
                    .isEqualTo(wraps.get(i).payload("Encrypted key material").orElseThrow().bytes());
        }
        // The wrapping public key shown is a real 2048-bit RSA key.
        byte[] der = step(flow, "GetParametersForImport response").payload("Wrapping public key").orElseThrow()
                .bytes();
        java.security.interfaces.RSAPublicKey rsa = (java.security.interfaces.RSAPublicKey) KeyFactory
                .getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        assertThat(rsa.getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void bothFlowsAreInTheCatalogueAndRunOnScratchKeys() {
        assertThat(FlowCatalogue.find("sign-verify-offline")).get().extracting(FlowDefinition::ownKey)
                .isEqualTo(true);
        assertThat(FlowCatalogue.find("import-key-material")).get().extracting(FlowDefinition::ownKey)
                .isEqualTo(true);
    }

    private static Step step(Flow flow, String action) {
        return flow.steps().stream().filter(s -> s.action().equals(action)).findFirst().orElseThrow(
                () -> new AssertionError("no step " + action));
    }

    private static List<Step> steps(Flow flow, String from, String to) {
        return flow.steps().stream().filter(s -> s.from().equals(from) && s.to().equals(to)).toList();
    }

    private static List<String> failures(Flow flow) {
        return flow.steps().stream().filter(Step::failed).map(s -> s.failure().orElseThrow().errorCode()).toList();
    }
}
