package dev.kmslab.engine.crypto.asymmetric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.crypto.AsymmetricKeyMaterial;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.crypto.asymmetric.spec.KeySpecRules;
import dev.kmslab.engine.error.InvalidKeyUsageException;
import dev.kmslab.engine.error.KMSInvalidSignatureException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.jcajce.interfaces.MLDSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sign and Verify round trips for every signing spec, algorithm and message type, plus limits and refusals. */
class SignVerifyTest {

    private static final KeyUsage SIGN = KeyUsage.SIGN_VERIFY;

    /** Every (spec, algorithm, message type) AWS offers for SIGN_VERIFY, SM2 aside. */
    static Stream<Arguments> combinations() {
        return Arrays.stream(KeySpec.values())
                .filter(spec -> spec != KeySpec.SM2 && KeySpecRules.usages(spec).contains(SIGN))
                .flatMap(spec -> KeySpecRules.algorithms(spec, SIGN).signing().stream()
                        .flatMap(algorithm -> KeySpecRules.messageTypes(algorithm).stream()
                                .map(type -> Arguments.of(spec, algorithm, type))));
    }

    @Test
    void combinations_coverEverySigningAlgorithmExceptSm2() {
        assertThat(combinations().map(a -> a.get()[1]).distinct().count())
                .isEqualTo(SigningAlgorithmSpec.values().length - 1);
        assertThat(combinations().count()).isEqualTo(3 * 12 + 4 * 2 + 2 + 3 * 2);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void signThenVerify_roundTrips_andTamperingIsDetected(KeySpec spec, SigningAlgorithmSpec algorithm, MessageType type)
            throws Exception {
        KeyMaterial key = TestKeys.of(spec);
        byte[] raw = message(300, spec.ordinal());
        byte[] input = inputFor(key, algorithm, type, raw);

        byte[] signature = SignVerify.sign(key, SIGN, algorithm, type, input);

        assertThatCode(() -> SignVerify.verify(key, SIGN, algorithm, type, input, signature))
                .doesNotThrowAnyException();
        byte[] flipped = signature.clone();
        flipped[flipped.length / 2] ^= 0x01;
        assertThatThrownBy(() -> SignVerify.verify(key, SIGN, algorithm, type, input, flipped))
                .isInstanceOf(KMSInvalidSignatureException.class)
                .hasMessageContaining(algorithm.name());
        for (byte[] cut : new byte[][] {Arrays.copyOf(signature, signature.length - 1),
                Arrays.copyOf(signature, signature.length + 1), Arrays.copyOf(signature, 1),
                TestKeys.bytes(6144, 0xff), TestKeys.bytes(signature.length, 0)}) {
            assertThatThrownBy(() -> SignVerify.verify(key, SIGN, algorithm, type, input, cut))
                    .isInstanceOf(KMSInvalidSignatureException.class);
        }
        byte[] otherInput = input.clone();
        otherInput[0] ^= 0x01;
        assertThatThrownBy(() -> SignVerify.verify(key, SIGN, algorithm, type, otherInput, signature))
                .isInstanceOf(KMSInvalidSignatureException.class);
    }

    /** A message and its digest are the same message: RAW and DIGEST (or EXTERNAL_MU) signatures cross-verify. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void precomputedInput_andRawMessage_crossVerify(KeySpec spec, SigningAlgorithmSpec algorithm, MessageType type)
            throws Exception {
        if (type == MessageType.RAW || algorithm == SigningAlgorithmSpec.ED25519_PH_SHA_512) {
            return; // Ed25519ph has no RAW form in KMS; its digest path is covered by the RFC 8032 vector.
        }
        KeyMaterial key = TestKeys.of(spec);
        byte[] raw = message(64, 7);
        byte[] rawSignature = SignVerify.sign(key, SIGN, algorithm, MessageType.RAW, raw);
        byte[] precomputed = inputFor(key, algorithm, type, raw);
        byte[] precomputedSignature = SignVerify.sign(key, SIGN, algorithm, type, precomputed);

        SignVerify.verify(key, SIGN, algorithm, type, precomputed, rawSignature);
        SignVerify.verify(key, SIGN, algorithm, MessageType.RAW, raw, precomputedSignature);
    }

    @Test
    void rawMessage_acceptsOneTo4096Bytes_andRefusesEmptyOrLonger() {
        KeyMaterial key = TestKeys.of(KeySpec.ECC_NIST_P256);
        SigningAlgorithmSpec ecdsa = SigningAlgorithmSpec.ECDSA_SHA_256;

        assertThat(SignVerify.sign(key, SIGN, ecdsa, MessageType.RAW, new byte[1])).isNotEmpty();
        assertThat(SignVerify.sign(key, SIGN, ecdsa, MessageType.RAW, new byte[4096])).isNotEmpty();
        assertThatThrownBy(() -> SignVerify.sign(key, SIGN, ecdsa, MessageType.RAW, new byte[4097]))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'message'").hasMessageContaining("less than or equal to 4096");
        assertThatThrownBy(() -> SignVerify.sign(key, SIGN, ecdsa, MessageType.RAW, new byte[0]))
                .isInstanceOf(ValidationException.class).hasMessageContaining("greater than or equal to 1");
        assertThatThrownBy(() -> SignVerify.sign(key, SIGN, ecdsa, MessageType.RAW, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must not be null");
    }

    @Test
    void nullMessageType_meansRaw() {
        KeyMaterial key = TestKeys.of(KeySpec.ECC_NIST_P256);
        byte[] signature = SignVerify.sign(key, SIGN, SigningAlgorithmSpec.ECDSA_SHA_256, null, message(10, 1));

        SignVerify.verify(key, SIGN, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW, message(10, 1), signature);
    }

    @ParameterizedTest(name = "{0} digest of {1} bytes")
    @MethodSource("wrongDigestLengths")
    void digestOfWrongLength_isValidationException(SigningAlgorithmSpec algorithm, int length) {
        KeyMaterial key = TestKeys.of(specFor(algorithm));

        assertThatThrownBy(() -> SignVerify.sign(key, SIGN, algorithm, MessageType.DIGEST, new byte[length]))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Digest is invalid length for algorithm " + algorithm);
    }

    static Stream<Arguments> wrongDigestLengths() {
        return Stream.of(Arguments.of(SigningAlgorithmSpec.ECDSA_SHA_256, 31),
                Arguments.of(SigningAlgorithmSpec.ECDSA_SHA_256, 48),
                Arguments.of(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384, 32),
                Arguments.of(SigningAlgorithmSpec.RSASSA_PSS_SHA_512, 48),
                Arguments.of(SigningAlgorithmSpec.ED25519_PH_SHA_512, 32));
    }

    @Test
    void externalMu_mustBe64Bytes_andOnlyForMlDsa() {
        KeyMaterial mlDsa = TestKeys.of(KeySpec.ML_DSA_44);
        assertThatThrownBy(() -> SignVerify.sign(mlDsa, SIGN, SigningAlgorithmSpec.ML_DSA_SHAKE_256,
                MessageType.EXTERNAL_MU, new byte[63])).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SignVerify.sign(mlDsa, SIGN, SigningAlgorithmSpec.ML_DSA_SHAKE_256,
                MessageType.DIGEST, new byte[64])).isInstanceOf(ValidationException.class)
                .hasMessageContaining("MessageType DIGEST is not supported");
        KeyMaterial ecc = TestKeys.of(KeySpec.ECC_NIST_P256);
        assertThatThrownBy(() -> SignVerify.sign(ecc, SIGN, SigningAlgorithmSpec.ECDSA_SHA_256,
                MessageType.EXTERNAL_MU, new byte[64])).isInstanceOf(ValidationException.class);
    }

    @Test
    void ed25519_pureIsRawOnly_andPrehashIsDigestOnly() {
        KeyMaterial key = TestKeys.of(KeySpec.ECC_NIST_EDWARDS25519);

        assertThatThrownBy(() -> SignVerify.sign(key, SIGN, SigningAlgorithmSpec.ED25519_SHA_512, MessageType.DIGEST,
                new byte[64])).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SignVerify.sign(key, SIGN, SigningAlgorithmSpec.ED25519_PH_SHA_512, MessageType.RAW,
                new byte[64])).isInstanceOf(ValidationException.class);
    }

    @Test
    void keyWithOtherUsage_isInvalidKeyUsage() {
        KeyMaterial rsa = TestKeys.of(KeySpec.RSA_2048);

        assertThatThrownBy(() -> SignVerify.sign(rsa, KeyUsage.ENCRYPT_DECRYPT,
                SigningAlgorithmSpec.RSASSA_PSS_SHA_256, MessageType.RAW, message(5, 1)))
                .isInstanceOf(InvalidKeyUsageException.class)
                .hasMessage("The KMS key has KeyUsage ENCRYPT_DECRYPT, which is not valid for Sign. Sign requires "
                        + "a key with KeyUsage SIGN_VERIFY.");
        assertThatThrownBy(() -> SignVerify.verify(TestKeys.of(KeySpec.ECC_NIST_P256), KeyUsage.KEY_AGREEMENT,
                SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW, message(5, 1), new byte[70]))
                .isInstanceOf(InvalidKeyUsageException.class).hasMessageContaining("Verify");
        assertThatThrownBy(() -> SignVerify.sign(TestKeys.of(KeySpec.HMAC_256), SIGN,
                SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW, message(5, 1)))
                .isInstanceOf(InvalidKeyUsageException.class).hasMessageContaining("HMAC_256");
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("incompatiblePairs")
    void algorithmTheSpecDoesNotOffer_isInvalidKeyUsage(KeySpec spec, SigningAlgorithmSpec algorithm) {
        assertThatThrownBy(() -> SignVerify.sign(TestKeys.of(spec), SIGN, algorithm, MessageType.RAW,
                message(5, 1)))
                .isInstanceOf(InvalidKeyUsageException.class)
                .hasMessage("The signing algorithm " + algorithm + " is not compatible with KMS keys with KeySpec "
                        + spec + ".");
    }

    static Stream<Arguments> incompatiblePairs() {
        return Stream.of(Arguments.of(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_384),
                Arguments.of(KeySpec.ECC_NIST_P521, SigningAlgorithmSpec.ECDSA_SHA_256),
                Arguments.of(KeySpec.ECC_SECG_P256K1, SigningAlgorithmSpec.ECDSA_SHA_512),
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.ECDSA_SHA_256),
                Arguments.of(KeySpec.ECC_NIST_P384, SigningAlgorithmSpec.RSASSA_PSS_SHA_384),
                Arguments.of(KeySpec.ML_DSA_65, SigningAlgorithmSpec.ED25519_SHA_512),
                Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithmSpec.ML_DSA_SHAKE_256));
    }

    @Test
    void emptyOrOversizedSignature_isValidationException() {
        KeyMaterial key = TestKeys.of(KeySpec.ECC_NIST_P256);
        assertThatThrownBy(() -> SignVerify.verify(key, SIGN, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW,
                message(5, 1), new byte[0])).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SignVerify.verify(key, SIGN, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW,
                message(5, 1), new byte[6145])).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SignVerify.verify(key, SIGN, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW,
                message(5, 1), new byte[] {0x30, 0x02, 0x01})).isInstanceOf(KMSInvalidSignatureException.class);
    }

    @Test
    void signatureFromAnotherKeyOfTheSameSpec_doesNotVerify() {
        KeyMaterial mine = TestKeys.of(KeySpec.ECC_SECG_P256K1);
        KeyMaterial other = KeyMaterials.generate(KeySpec.ECC_SECG_P256K1);
        byte[] signature = SignVerify.sign(other, SIGN, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW,
                message(20, 3));

        assertThatThrownBy(() -> SignVerify.verify(mine, SIGN, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW,
                message(20, 3), signature)).isInstanceOf(KMSInvalidSignatureException.class);
    }

    private static KeySpec specFor(SigningAlgorithmSpec algorithm) {
        switch (algorithm.scheme()) {
            case ECDSA:
                return KeySpec.ECC_NIST_P256;
            case ED25519:
            case ED25519_PH:
                return KeySpec.ECC_NIST_EDWARDS25519;
            default:
                return KeySpec.RSA_2048;
        }
    }

    static byte[] message(int length, int seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** What a client would send: the message, its digest, or the ML-DSA mu computed per FIPS 204. */
    static byte[] inputFor(KeyMaterial key, SigningAlgorithmSpec algorithm, MessageType type, byte[] raw)
            throws Exception {
        switch (type) {
            case DIGEST:
                return MessageDigest.getInstance(algorithm.hashName()).digest(raw);
            case EXTERNAL_MU:
                return mu(((AsymmetricKeyMaterial) key).publicKeyDer(), raw);
            default:
                return raw;
        }
    }

    /** FIPS 204: tr = SHAKE256(pk, 64); mu = SHAKE256(tr || 0x00 || len(ctx)=0x00 || M, 64). */
    private static byte[] mu(byte[] publicKeyDer, byte[] message) throws Exception {
        MLDSAPublicKey publicKey = (MLDSAPublicKey) KeyFactory.getInstance("ML-DSA", Providers.bouncyCastle())
                .generatePublic(new X509EncodedKeySpec(publicKeyDer));
        byte[] tr = shake256(publicKey.getPublicData());
        byte[] input = new byte[tr.length + 2 + message.length];
        System.arraycopy(tr, 0, input, 0, tr.length);
        System.arraycopy(message, 0, input, tr.length + 2, message.length);
        return shake256(input);
    }

    private static byte[] shake256(byte[] input) {
        SHAKEDigest shake = new SHAKEDigest(256);
        shake.update(input, 0, input.length);
        byte[] out = new byte[64];
        shake.doFinal(out, 0, out.length);
        return out;
    }
}
