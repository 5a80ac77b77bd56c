package dev.kmslab.ui.keylab.asymmetric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.model.GetPublicKeyRequest;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.actas.DemoPrincipals;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ResourceLock(UiTests.JAVAFX)
class SignVerifyModelTest {

    private final AsymLab lab = new AsymLab();
    private final SignVerifyModel sv = lab.model.signVerify();

    static Stream<Arguments> everyAlgorithmAndMessageType() {
        return Stream.of(
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.RSASSA_PSS_SHA_256, MessageType.RAW),
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.RSASSA_PSS_SHA_384, MessageType.DIGEST),
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512, MessageType.RAW),
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, MessageType.DIGEST),
                Arguments.of(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW),
                Arguments.of(KeySpec.ECC_NIST_P384, SigningAlgorithmSpec.ECDSA_SHA_384, MessageType.DIGEST),
                Arguments.of(KeySpec.ECC_NIST_P521, SigningAlgorithmSpec.ECDSA_SHA_512, MessageType.RAW),
                Arguments.of(KeySpec.ECC_SECG_P256K1, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.DIGEST),
                Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithmSpec.ED25519_SHA_512, MessageType.RAW),
                Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithmSpec.ED25519_PH_SHA_512,
                        MessageType.DIGEST),
                Arguments.of(KeySpec.ML_DSA_44, SigningAlgorithmSpec.ML_DSA_SHAKE_256, MessageType.RAW));
    }

    @ParameterizedTest
    @MethodSource("everyAlgorithmAndMessageType")
    void signature_verifiesInKmsAndOffline_andFailsBothWaysAfterTampering(KeySpec spec,
            SigningAlgorithmSpec algorithm, MessageType type) {
        lab.key(spec, KeyUsage.SIGN_VERIFY);
        sv.algorithmProperty().set(algorithm);
        sv.messageTypeProperty().set(type);
        assertThat(sv.messageTypeProperty().get()).isEqualTo(type);

        sv.sign();
        assertThat(sv.outcome().errorCode()).isEmpty();
        assertThat(sv.signatureProperty().get()).isNotEmpty();
        sv.verify();
        assertThat(sv.verdictProperty().get()).isEqualTo("Valid (KMS Verify)");
        sv.verifyOffline();
        assertThat(sv.verdictProperty().get()).isEqualTo("Valid (offline)");

        sv.tamperMessage();
        sv.verify();
        assertThat(sv.outcome().errorCode()).isEqualTo("KMSInvalidSignatureException");
        assertThat(sv.verdictProperty().get()).isEqualTo("Invalid (KMS Verify)");
        sv.verifyOffline();
        assertThat(sv.verdictProperty().get()).isEqualTo("Invalid (offline)");
    }

    @Test
    void aReloadOfTheKeyList_keepsTheKeyAndTheSignatureOnScreen() {
        String id = lab.key(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        sv.sign();
        byte[] signature = sv.signatureProperty().get();
        lab.key(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
        lab.model.select(id);
        assertThat(sv.signatureProperty().get()).as("picking another key clears it").isNull();
        sv.sign();
        signature = sv.signatureProperty().get();
        lab.lab.session.changed();
        assertThat(lab.model.selectedProperty().get().keyId()).isEqualTo(id);
        assertThat(sv.signatureProperty().get()).isSameAs(signature);
    }

    @Test
    void tamperedSignature_isRejectedByKms_andOffline() {
        lab.key(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        sv.sign();
        byte[] original = sv.signatureProperty().get();
        sv.tamperSignature();
        byte[] changed = sv.signatureProperty().get();
        assertThat(changed).hasSameSizeAs(original).isNotEqualTo(original);
        int differing = 0;
        for (int i = 0; i < original.length; i++) {
            differing += original[i] != changed[i] ? 1 : 0;
        }
        assertThat(differing).isEqualTo(1);
        sv.verify();
        assertThat(sv.outcome().errorProperty().get().headline()).startsWith("KMSInvalidSignatureException");
        sv.verifyOffline();
        assertThat(sv.verdictProperty().get()).isEqualTo("Invalid (offline)");
    }

    @Test
    void algorithms_areOnlyThoseTheKeyOffers_andEd25519phTakesOnlyDigests() {
        lab.key(KeySpec.ECC_NIST_EDWARDS25519, KeyUsage.SIGN_VERIFY);
        assertThat(sv.algorithms()).containsExactly(SigningAlgorithmSpec.ED25519_SHA_512,
                SigningAlgorithmSpec.ED25519_PH_SHA_512);
        assertThat(sv.messageTypes()).containsExactly(MessageType.RAW);
        sv.algorithmProperty().set(SigningAlgorithmSpec.ED25519_PH_SHA_512);
        assertThat(sv.messageTypes()).containsExactly(MessageType.DIGEST);
        assertThat(sv.messageTypeProperty().get()).isEqualTo(MessageType.DIGEST);

        lab.key(KeySpec.ECC_NIST_P384, KeyUsage.SIGN_VERIFY);
        assertThat(sv.algorithms()).containsExactly(SigningAlgorithmSpec.ECDSA_SHA_384);
        assertThat(sv.messageTypes()).containsExactly(MessageType.RAW, MessageType.DIGEST);
    }

    @Test
    void digest_isComputedLocally_withTheAlgorithmsHash() {
        lab.key(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        sv.messageProperty().set("abc");
        sv.messageTypeProperty().set(MessageType.DIGEST);
        // FIPS 180-2 example: SHA-256("abc").
        assertThat(sv.digestTextProperty().get()).isEqualTo(
                "SHA-256 = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(sv.limitTextProperty().get()).contains("32 bytes");
        sv.messageTypeProperty().set(MessageType.RAW);
        assertThat(sv.digestTextProperty().get()).isEmpty();
        assertThat(sv.limitTextProperty().get()).startsWith("RAW: 3 of at most 4096 bytes");
    }

    @Test
    void rawMessageOverTheLimit_isRefusedByKms() {
        lab.key(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        sv.messageProperty().set("x".repeat(4097));
        sv.sign();
        assertThat(sv.outcome().errorCode()).isEqualTo("ValidationException");
        assertThat(sv.signatureProperty().get()).isNull();
        sv.messageProperty().set("x".repeat(4096));
        sv.sign();
        assertThat(sv.outcome().errorCode()).isEmpty();
    }

    @Test
    void offlineVerification_agreesWithThePublicKeyFromKms_andCanBeCheckedIndependently() throws Exception {
        String id = lab.key(KeySpec.RSA_3072, KeyUsage.SIGN_VERIFY);
        sv.algorithmProperty().set(SigningAlgorithmSpec.RSASSA_PSS_SHA_512);
        sv.sign();
        byte[] der = lab.lab.engine.getPublicKey(lab.lab.root, new GetPublicKeyRequest(id)).publicKey();
        byte[] message = sv.messageProperty().get().getBytes(StandardCharsets.UTF_8);
        assertThat(OfflineVerifier.verify(der, SigningAlgorithmSpec.RSASSA_PSS_SHA_512, message,
                sv.signatureProperty().get())).isTrue();
        assertThat(OfflineVerifier.verify(der, SigningAlgorithmSpec.RSASSA_PSS_SHA_256, message,
                sv.signatureProperty().get())).as("another hash").isFalse();
    }

    @Test
    void signing_asAPrincipalWithoutKmsSign_isAccessDenied() {
        DemoPrincipals.seedIfEmpty(lab.lab.engine);
        String id = lab.key(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        lab.lab.session.callerProperty().set(CallerContext.of("arn:aws:iam::" + lab.lab.engine.account()
                + ":role/App"));
        assertThat(lab.model.selectedProperty().get().keyId()).as("App may describe keys").isEqualTo(id);
        sv.sign();
        assertThat(sv.outcome().errorCode()).isEqualTo("AccessDeniedException");
    }

    @Test
    void pickingAnEncryptionKey_clearsTheSignature_andOffersNoSigningAlgorithm() {
        lab.key(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        sv.sign();
        lab.key(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT);
        assertThat(sv.signatureProperty().get()).as("a new key clears the old signature").isNull();
        assertThat(sv.algorithms()).isEmpty();
    }
}
