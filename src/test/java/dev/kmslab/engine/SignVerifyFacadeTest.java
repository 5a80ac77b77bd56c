package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.InvalidKeyUsageException;
import dev.kmslab.engine.error.KMSInvalidSignatureException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.GetPublicKeyRequest;
import dev.kmslab.engine.model.GetPublicKeyResult;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SignRequest;
import dev.kmslab.engine.model.SignResult;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import dev.kmslab.engine.model.VerifyRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sign and Verify through the facade for every signing key spec and algorithm AWS offers outside China. */
class SignVerifyFacadeTest {

    private static final FacadeKeys KEYS = new FacadeKeys();
    private static final byte[] MESSAGE = "transfer 100 to alice".getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> rawCombinations() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (KeySpec rsa : new KeySpec[] {KeySpec.RSA_2048, KeySpec.RSA_3072, KeySpec.RSA_4096}) {
            for (SigningAlgorithmSpec a : new SigningAlgorithmSpec[] {SigningAlgorithmSpec.RSASSA_PSS_SHA_256,
                    SigningAlgorithmSpec.RSASSA_PSS_SHA_384, SigningAlgorithmSpec.RSASSA_PSS_SHA_512,
                    SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384,
                    SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512}) {
                all.add(Arguments.of(rsa, a));
            }
        }
        all.add(Arguments.of(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_256));
        all.add(Arguments.of(KeySpec.ECC_NIST_P384, SigningAlgorithmSpec.ECDSA_SHA_384));
        all.add(Arguments.of(KeySpec.ECC_NIST_P521, SigningAlgorithmSpec.ECDSA_SHA_512));
        all.add(Arguments.of(KeySpec.ECC_SECG_P256K1, SigningAlgorithmSpec.ECDSA_SHA_256));
        all.add(Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithmSpec.ED25519_SHA_512));
        all.add(Arguments.of(KeySpec.ML_DSA_44, SigningAlgorithmSpec.ML_DSA_SHAKE_256));
        all.add(Arguments.of(KeySpec.ML_DSA_65, SigningAlgorithmSpec.ML_DSA_SHAKE_256));
        all.add(Arguments.of(KeySpec.ML_DSA_87, SigningAlgorithmSpec.ML_DSA_SHAKE_256));
        return all.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rawCombinations")
    void rawMessage_signsAndVerifies_andATamperedSignatureFails(KeySpec spec, SigningAlgorithmSpec algorithm) {
        String keyId = KEYS.signing(spec);
        SignResult signed = KEYS.engine.sign(ROOT, SignRequest.raw(keyId, MESSAGE, algorithm));

        assertThat(signed.keyId()).isEqualTo(KEYS.fixture.arn(keyId));
        assertThat(signed.signingAlgorithm()).isEqualTo(algorithm);
        assertThat(KEYS.engine.verify(ROOT, new VerifyRequest(keyId, MESSAGE, MessageType.RAW, signed.signature(),
                algorithm)).signatureValid()).isTrue();

        byte[] tampered = signed.signature().clone();
        tampered[tampered.length / 2] ^= 0x01;
        assertThatThrownBy(() -> KEYS.engine.verify(ROOT, new VerifyRequest(keyId, MESSAGE, MessageType.RAW,
                tampered, algorithm))).isInstanceOf(KMSInvalidSignatureException.class);
        byte[] otherMessage = Arrays.copyOf(MESSAGE, MESSAGE.length + 1);
        assertThatThrownBy(() -> KEYS.engine.verify(ROOT, new VerifyRequest(keyId, otherMessage, MessageType.RAW,
                signed.signature(), algorithm))).isInstanceOf(KMSInvalidSignatureException.class);
    }

    static Stream<Arguments> jdkVerifiable() {
        return Stream.of(
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, "SHA256withRSA"),
                Arguments.of(KeySpec.RSA_3072, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384, "SHA384withRSA"),
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.RSASSA_PSS_SHA_256, "RSASSA-PSS"),
                Arguments.of(KeySpec.RSA_4096, SigningAlgorithmSpec.RSASSA_PSS_SHA_512, "RSASSA-PSS"),
                Arguments.of(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_256, "SHA256withECDSA"),
                Arguments.of(KeySpec.ECC_NIST_P384, SigningAlgorithmSpec.ECDSA_SHA_384, "SHA384withECDSA"),
                Arguments.of(KeySpec.ECC_NIST_P521, SigningAlgorithmSpec.ECDSA_SHA_512, "SHA512withECDSA"),
                Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithmSpec.ED25519_SHA_512, "Ed25519"));
    }

    /** The JDK, knowing only the public key from GetPublicKey, accepts the facade's signature. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jdkVerifiable")
    void signature_verifiesOutsideKms_withTheGetPublicKeyKey(KeySpec spec, SigningAlgorithmSpec algorithm,
                                                             String jca) throws Exception {
        String keyId = KEYS.signing(spec);
        byte[] signature = KEYS.engine.sign(ROOT, SignRequest.raw(keyId, MESSAGE, algorithm)).signature();
        GetPublicKeyResult publicKey = KEYS.engine.getPublicKey(ROOT, new GetPublicKeyRequest(keyId));

        String keyType = spec.name().startsWith("RSA") ? "RSA" : spec == KeySpec.ECC_NIST_EDWARDS25519 ? "Ed25519"
                : "EC";
        PublicKey key = KeyFactory.getInstance(keyType).generatePublic(new X509EncodedKeySpec(publicKey.publicKey()));
        Signature verifier = Signature.getInstance(jca);
        if (jca.equals("RSASSA-PSS")) {
            String hash = algorithm == SigningAlgorithmSpec.RSASSA_PSS_SHA_256 ? "SHA-256" : "SHA-512";
            int salt = hash.equals("SHA-256") ? 32 : 64;
            verifier.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), salt, 1));
        }
        verifier.initVerify(key);
        verifier.update(MESSAGE);
        assertThat(verifier.verify(signature)).isTrue();
    }

    static Stream<Arguments> digestCombinations() {
        return Stream.of(
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.RSASSA_PSS_SHA_384, "SHA-384"),
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512, "SHA-512"),
                Arguments.of(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_256, "SHA-256"),
                Arguments.of(KeySpec.ECC_SECG_P256K1, SigningAlgorithmSpec.ECDSA_SHA_256, "SHA-256"),
                Arguments.of(KeySpec.ECC_NIST_P521, SigningAlgorithmSpec.ECDSA_SHA_512, "SHA-512"),
                Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithmSpec.ED25519_PH_SHA_512, "SHA-512"));
    }

    /** A DIGEST is signed as given, so signing the digest verifies as the RAW message (except Ed25519ph: DIGEST only). */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("digestCombinations")
    void digest_isSignedAsGiven(KeySpec spec, SigningAlgorithmSpec algorithm, String hash) throws Exception {
        String keyId = KEYS.signing(spec);
        byte[] digest = MessageDigest.getInstance(hash).digest(MESSAGE);
        byte[] signature = KEYS.engine.sign(ROOT, new SignRequest(keyId, digest, MessageType.DIGEST, algorithm))
                .signature();

        assertThat(KEYS.engine.verify(ROOT, new VerifyRequest(keyId, digest, MessageType.DIGEST, signature,
                algorithm)).signatureValid()).isTrue();
        if (algorithm != SigningAlgorithmSpec.ED25519_PH_SHA_512) {
            assertThat(KEYS.engine.verify(ROOT, new VerifyRequest(keyId, MESSAGE, MessageType.RAW, signature,
                    algorithm)).signatureValid()).isTrue();
        }
        byte[] shortDigest = Arrays.copyOf(digest, digest.length - 1);
        assertThatThrownBy(() -> KEYS.engine.sign(ROOT, new SignRequest(keyId, shortDigest, MessageType.DIGEST,
                algorithm))).isInstanceOf(ValidationException.class).hasMessageContaining("Digest is invalid length");
    }

    @Test
    void rawMessage_isLimitedTo4096Bytes() {
        String keyId = KEYS.signing(KeySpec.ECC_NIST_P256);
        assertThat(KEYS.engine.sign(ROOT, SignRequest.raw(keyId, new byte[4096], SigningAlgorithmSpec.ECDSA_SHA_256))
                .signature()).isNotEmpty();
        assertThatThrownBy(() -> KEYS.engine.sign(ROOT, SignRequest.raw(keyId, new byte[4097],
                SigningAlgorithmSpec.ECDSA_SHA_256))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("less than or equal to 4096");
        assertThatThrownBy(() -> KEYS.engine.sign(ROOT, SignRequest.raw(keyId, new byte[0],
                SigningAlgorithmSpec.ECDSA_SHA_256))).isInstanceOf(ValidationException.class);
    }

    @Test
    void wrongUsageOrAlgorithm_isInvalidKeyUsage() {
        String symmetric = KEYS.fixture.newKey();
        String rsaEncryption = KEYS.encryption(KeySpec.RSA_2048);
        String p256 = KEYS.signing(KeySpec.ECC_NIST_P256);

        assertThatThrownBy(() -> KEYS.engine.sign(ROOT, SignRequest.raw(symmetric, MESSAGE,
                SigningAlgorithmSpec.ECDSA_SHA_256))).isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> KEYS.engine.sign(ROOT, SignRequest.raw(rsaEncryption, MESSAGE,
                SigningAlgorithmSpec.RSASSA_PSS_SHA_256))).isInstanceOf(InvalidKeyUsageException.class)
                .hasMessageContaining("ENCRYPT_DECRYPT");
        assertThatThrownBy(() -> KEYS.engine.sign(ROOT, SignRequest.raw(p256, MESSAGE,
                SigningAlgorithmSpec.ECDSA_SHA_384))).isInstanceOf(InvalidKeyUsageException.class)
                .hasMessageContaining("ECDSA_SHA_384");
        assertThatThrownBy(() -> KEYS.engine.sign(ROOT, SignRequest.raw(p256, MESSAGE, null)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void describeKey_andGetPublicKey_listTheSigningAlgorithms() {
        String keyId = KEYS.signing(KeySpec.RSA_2048);
        KeyMetadata meta = KEYS.engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata();
        GetPublicKeyResult publicKey = KEYS.engine.getPublicKey(ROOT, new GetPublicKeyRequest(keyId));

        assertThat(meta.keySpec()).isEqualTo(KeySpec.RSA_2048);
        assertThat(meta.keyUsage()).isEqualTo(KeyUsage.SIGN_VERIFY);
        assertThat(meta.signingAlgorithms()).containsExactly(SigningAlgorithmSpec.RSASSA_PSS_SHA_256,
                SigningAlgorithmSpec.RSASSA_PSS_SHA_384, SigningAlgorithmSpec.RSASSA_PSS_SHA_512,
                SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384,
                SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512);
        assertThat(meta.encryptionAlgorithms()).isEmpty();
        assertThat(meta.macAlgorithms()).isEmpty();
        assertThat(meta.keyAgreementAlgorithms()).isEmpty();
        assertThat(meta.currentKeyMaterialId()).hasSize(64);
        assertThat(publicKey.signingAlgorithms()).isEqualTo(meta.signingAlgorithms());
        assertThat(publicKey.keySpec()).isEqualTo(KeySpec.RSA_2048);
        assertThat(publicKey.pem()).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
    }
}
