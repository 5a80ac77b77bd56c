package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.InvalidKeyUsageException;
import dev.kmslab.engine.error.KMSInvalidMacException;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.DataKeyPairSpec;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DeriveSharedSecretRequest;
import dev.kmslab.engine.model.DeriveSharedSecretResult;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.GenerateDataKeyPairRequest;
import dev.kmslab.engine.model.GenerateDataKeyPairResult;
import dev.kmslab.engine.model.GenerateDataKeyPairWithoutPlaintextResult;
import dev.kmslab.engine.model.GenerateMacRequest;
import dev.kmslab.engine.model.GenerateMacResult;
import dev.kmslab.engine.model.GetPublicKeyRequest;
import dev.kmslab.engine.model.KeyAgreementAlgorithmSpec;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.engine.model.VerifyMacRequest;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** GenerateMac/VerifyMac, DeriveSharedSecret, data key pairs and the rotation refusals, through the facade. */
class MacAgreementDataKeyPairFacadeTest {

    private static final FacadeKeys KEYS = new FacadeKeys();
    private static final byte[] MESSAGE = {10, 20, 30, 40};

    static Stream<Arguments> macCombinations() {
        return Stream.of(Arguments.of(KeySpec.HMAC_224, MacAlgorithmSpec.HMAC_SHA_224, 28),
                Arguments.of(KeySpec.HMAC_256, MacAlgorithmSpec.HMAC_SHA_256, 32),
                Arguments.of(KeySpec.HMAC_384, MacAlgorithmSpec.HMAC_SHA_384, 48),
                Arguments.of(KeySpec.HMAC_512, MacAlgorithmSpec.HMAC_SHA_512, 64));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("macCombinations")
    void mac_roundTrips_isDeterministic_andATamperedMacFails(KeySpec spec, MacAlgorithmSpec algorithm, int length) {
        String keyId = KEYS.key(spec, KeyUsage.GENERATE_VERIFY_MAC);
        GenerateMacResult mac = KEYS.engine.generateMac(ROOT, new GenerateMacRequest(MESSAGE, keyId, algorithm));

        assertThat(mac.mac()).hasSize(length);
        assertThat(KEYS.engine.generateMac(ROOT, new GenerateMacRequest(MESSAGE, keyId, algorithm)).mac())
                .isEqualTo(mac.mac());
        assertThat(KEYS.engine.verifyMac(ROOT, new VerifyMacRequest(MESSAGE, keyId, algorithm, mac.mac()))
                .macValid()).isTrue();
        byte[] tampered = mac.mac().clone();
        tampered[0] ^= 1;
        assertThatThrownBy(() -> KEYS.engine.verifyMac(ROOT, new VerifyMacRequest(MESSAGE, keyId, algorithm,
                tampered))).isInstanceOf(KMSInvalidMacException.class);
        assertThat(KEYS.engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata().macAlgorithms())
                .containsExactly(algorithm);
    }

    @Test
    void mac_refusesOtherAlgorithms_otherKeys_andOversizedMessages() {
        String hmac = KEYS.key(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
        String symmetric = KEYS.fixture.newKey();

        assertThatThrownBy(() -> KEYS.engine.generateMac(ROOT, new GenerateMacRequest(MESSAGE, hmac,
                MacAlgorithmSpec.HMAC_SHA_512))).isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> KEYS.engine.generateMac(ROOT, new GenerateMacRequest(MESSAGE, symmetric,
                MacAlgorithmSpec.HMAC_SHA_256))).isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> KEYS.engine.generateMac(ROOT, new GenerateMacRequest(new byte[4097], hmac,
                MacAlgorithmSpec.HMAC_SHA_256))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> KEYS.engine.getPublicKey(ROOT, new GetPublicKeyRequest(hmac)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> KEYS.engine.getPublicKey(ROOT, new GetPublicKeyRequest(symmetric)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    static Stream<Arguments> curves() {
        return Stream.of(Arguments.of(KeySpec.ECC_NIST_P256, "secp256r1", 32),
                Arguments.of(KeySpec.ECC_NIST_P384, "secp384r1", 48),
                Arguments.of(KeySpec.ECC_NIST_P521, "secp521r1", 66));
    }

    /** Both sides of ECDH agree: the engine with its private key, the JDK with the peer's and GetPublicKey's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("curves")
    void deriveSharedSecret_matchesThePeersOwnComputation(KeySpec spec, String curve, int length) throws Exception {
        String keyId = KEYS.key(spec, KeyUsage.KEY_AGREEMENT);
        KeyPair peer = PeerKeys.ec(curve);

        DeriveSharedSecretResult derived = KEYS.engine.deriveSharedSecret(ROOT, new DeriveSharedSecretRequest(keyId,
                KeyAgreementAlgorithmSpec.ECDH, peer.getPublic().getEncoded()));

        byte[] kmsPublic = KEYS.engine.getPublicKey(ROOT, new GetPublicKeyRequest(keyId)).publicKey();
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(peer.getPrivate());
        agreement.doPhase(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(kmsPublic)), true);
        assertThat(derived.sharedSecret()).hasSize(length).isEqualTo(agreement.generateSecret());
        assertThat(derived.keyOrigin()).isEqualTo(OriginType.AWS_KMS);
        assertThat(derived.toString()).doesNotContain(java.util.HexFormat.of().formatHex(derived.sharedSecret()));
        assertThat(KEYS.engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata()
                .keyAgreementAlgorithms()).containsExactly(KeyAgreementAlgorithmSpec.ECDH);
    }

    @Test
    void deriveSharedSecret_refusesSigningKeys_andPeersOnAnotherCurve() {
        String agreement = KEYS.key(KeySpec.ECC_NIST_P256, KeyUsage.KEY_AGREEMENT);
        String signing = KEYS.signing(KeySpec.ECC_NIST_P256);

        assertThatThrownBy(() -> KEYS.engine.deriveSharedSecret(ROOT, new DeriveSharedSecretRequest(signing,
                KeyAgreementAlgorithmSpec.ECDH, PeerKeys.p256()))).isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> KEYS.engine.deriveSharedSecret(ROOT, new DeriveSharedSecretRequest(agreement,
                KeyAgreementAlgorithmSpec.ECDH, PeerKeys.ec("secp384r1").getPublic().getEncoded())))
                .isInstanceOf(ValidationException.class);
    }

    static Stream<Arguments> pairSpecs() {
        return Stream.of(Arguments.of(DataKeyPairSpec.RSA_2048, "RSA", "SHA256withRSA"),
                Arguments.of(DataKeyPairSpec.RSA_3072, "RSA", "SHA256withRSA"),
                Arguments.of(DataKeyPairSpec.RSA_4096, "RSA", "SHA256withRSA"),
                Arguments.of(DataKeyPairSpec.ECC_NIST_P256, "EC", "SHA256withECDSA"),
                Arguments.of(DataKeyPairSpec.ECC_NIST_P384, "EC", "SHA384withECDSA"),
                Arguments.of(DataKeyPairSpec.ECC_NIST_P521, "EC", "SHA512withECDSA"),
                Arguments.of(DataKeyPairSpec.ECC_NIST_EDWARDS25519, "Ed25519", "Ed25519"));
    }

    /** The encrypted private key opens with plain Decrypt, and it belongs to the returned public key. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pairSpecs")
    void dataKeyPair_privateKeyDecryptsWithDecrypt_andMatchesThePublicKey(DataKeyPairSpec spec, String type,
                                                                        String signature) throws Exception {
        String keyId = KEYS.fixture.newKey();
        Map<String, String> context = Map.of("use", "signing");
        GenerateDataKeyPairResult pair = KEYS.engine.generateDataKeyPair(ROOT,
                new GenerateDataKeyPairRequest(context, keyId, spec));

        byte[] decrypted = KEYS.engine.decrypt(ROOT, DecryptRequest.of(pair.privateKeyCiphertextBlob(), context))
                .plaintext();
        assertThat(decrypted).isEqualTo(pair.privateKeyPlaintext());
        assertThat(pair.keyId()).isEqualTo(KEYS.fixture.arn(keyId));
        assertThat(pair.keyPairSpec()).isEqualTo(spec);
        assertThat(signsAndVerifies(type, signature, decrypted, pair.publicKey())).isTrue();
        pair.destroyPlaintext();
        assertThat(pair.privateKeyPlaintext()).containsOnly(0);
    }

    @Test
    void dataKeyPairWithoutPlaintext_givesOnlyTheEncryptedPrivateKey() throws Exception {
        String keyId = KEYS.fixture.newKey();
        GenerateDataKeyPairWithoutPlaintextResult pair = KEYS.engine.generateDataKeyPairWithoutPlaintext(ROOT,
                GenerateDataKeyPairRequest.of(keyId, DataKeyPairSpec.ECC_SECG_P256K1));

        byte[] privateKey = KEYS.engine.decrypt(ROOT, DecryptRequest.of(pair.privateKeyCiphertextBlob(), null))
                .plaintext();
        assertThat(privateKey).isNotEmpty();
        assertThat(pair.publicKey()).isNotEmpty();
        assertThat(pair.toString()).contains("ECC_SECG_P256K1");
    }

    @Test
    void dataKeyPair_needsASymmetricKey_andRefusesSm2() {
        String rsa = KEYS.encryption(KeySpec.RSA_2048);
        String symmetric = KEYS.fixture.newKey();

        assertThatThrownBy(() -> KEYS.engine.generateDataKeyPair(ROOT, GenerateDataKeyPairRequest.of(rsa,
                DataKeyPairSpec.ECC_NIST_P256))).isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> KEYS.engine.generateDataKeyPair(ROOT, GenerateDataKeyPairRequest.of(symmetric,
                DataKeyPairSpec.SM2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> KEYS.engine.generateDataKeyPair(ROOT, GenerateDataKeyPairRequest.of(symmetric,
                null))).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"RSA_2048", "ECC_NIST_P256", "HMAC_256"})
    void rotation_isRefusedForAsymmetricAndHmacKeys(KeySpec spec) {
        KeyUsage usage = spec == KeySpec.HMAC_256 ? KeyUsage.GENERATE_VERIFY_MAC : KeyUsage.SIGN_VERIFY;
        String keyId = KEYS.key(spec, usage);

        assertThatThrownBy(() -> KEYS.engine.enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, null)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> KEYS.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId)))
                .isInstanceOf(UnsupportedOperationException.class);
        KeyMetadata meta = KEYS.engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata();
        assertThat(meta.keySpec()).isEqualTo(spec);
    }

    private static boolean signsAndVerifies(String type, String algorithm, byte[] pkcs8, byte[] spki)
            throws Exception {
        KeyFactory factory = KeyFactory.getInstance(type);
        PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(spki));
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(privateKey);
        signer.update(MESSAGE);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(MESSAGE);
        return verifier.verify(signature);
    }
}
