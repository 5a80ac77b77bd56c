package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeyPairSpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairWithoutPlaintextResponse;
import software.amazon.awssdk.services.kms.model.GenerateMacResponse;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyAgreementAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidMacException;
import software.amazon.awssdk.services.kms.model.KmsInvalidSignatureException;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Signing, MACs, public keys, key agreement and data key pairs through the real SDK. Results are checked with the
 * JDK's own crypto against the public keys the endpoint hands out, not only against the endpoint itself.
 */
class SdkAsymmetricTest {

    private static ServerFixture fixture;
    private static KmsClient kms;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServerFixture();
        kms = fixture.sdk(fixture.root());
    }

    @AfterAll
    static void stop() {
        kms.close();
        fixture.close();
    }

    private static String newKey(KeySpec spec, KeyUsageType usage) {
        return kms.createKey(b -> b.keySpec(spec).keyUsage(usage)).keyMetadata().keyId();
    }

    private static PublicKey publicKey(byte[] der) throws Exception {
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
    }

    @Test
    void signAndVerify_eccP256_verifiesHereAndWithTheJdk_andATamperedMessageIsTyped() throws Exception {
        String keyId = newKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        SdkBytes message = SdkBytes.fromUtf8String("pay 10 EUR to Bob");

        SignResponse signed = kms.sign(b -> b.keyId(keyId).message(message)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256));

        assertThat(signed.keyId()).endsWith(":key/" + keyId);
        assertThat(signed.signingAlgorithm()).isEqualTo(SigningAlgorithmSpec.ECDSA_SHA_256);
        assertThat(kms.verify(b -> b.keyId(keyId).message(message).signature(signed.signature())
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signatureValid()).isTrue();
        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(publicKey(kms.getPublicKey(b -> b.keyId(keyId)).publicKey().asByteArray()));
        jdk.update(message.asByteArray());
        assertThat(jdk.verify(signed.signature().asByteArray())).isTrue();

        SdkBytes tampered = SdkBytes.fromUtf8String("pay 99 EUR to Bob");
        assertThatThrownBy(() -> kms.verify(b -> b.keyId(keyId).message(tampered).signature(signed.signature())
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)))
                .isInstanceOf(KmsInvalidSignatureException.class);
    }

    @Test
    void getPublicKey_andDescribeKey_reportTheSigningShape() {
        String keyId = newKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);

        GetPublicKeyResponse pub = kms.getPublicKey(b -> b.keyId(keyId));
        assertThat(pub.keySpec()).isEqualTo(KeySpec.ECC_NIST_P256);
        assertThat(pub.customerMasterKeySpecAsString()).isEqualTo("ECC_NIST_P256");
        assertThat(pub.keyUsage()).isEqualTo(KeyUsageType.SIGN_VERIFY);
        assertThat(pub.signingAlgorithms()).containsExactly(SigningAlgorithmSpec.ECDSA_SHA_256);
        assertThat(pub.encryptionAlgorithms()).isEmpty();
        // A P-256 SubjectPublicKeyInfo is 91 bytes of DER.
        assertThat(pub.publicKey().asByteArray()).hasSize(91);

        KeyMetadata meta = kms.describeKey(b -> b.keyId(keyId)).keyMetadata();
        assertThat(meta.signingAlgorithms()).containsExactly(SigningAlgorithmSpec.ECDSA_SHA_256);
        assertThat(meta.encryptionAlgorithms()).isEmpty();
        assertThat(meta.multiRegion()).isFalse();
    }

    @Test
    void generateMacAndVerifyMac_hmac256_andAWrongMacIsTyped() {
        String keyId = newKey(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC);
        SdkBytes message = SdkBytes.fromUtf8String("session 7");

        GenerateMacResponse mac = kms.generateMac(b -> b.keyId(keyId).message(message)
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256));

        assertThat(mac.mac().asByteArray()).hasSize(32);
        assertThat(mac.macAlgorithm()).isEqualTo(MacAlgorithmSpec.HMAC_SHA_256);
        assertThat(kms.verifyMac(b -> b.keyId(keyId).message(message).mac(mac.mac())
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)).macValid()).isTrue();
        assertThat(kms.describeKey(b -> b.keyId(keyId)).keyMetadata().macAlgorithms())
                .containsExactly(MacAlgorithmSpec.HMAC_SHA_256);
        byte[] wrong = mac.mac().asByteArray();
        wrong[0] ^= 1;
        assertThatThrownBy(() -> kms.verifyMac(b -> b.keyId(keyId).message(message)
                .mac(SdkBytes.fromByteArray(wrong)).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)))
                .isInstanceOf(KmsInvalidMacException.class);
    }

    @Test
    void generateDataKeyPair_givesAWorkingPairWhosePrivateKeyDecryptsBack() throws Exception {
        String wrappingKey = kms.createKey(b -> b.description("pairs")).keyMetadata().keyId();
        Map<String, String> context = Map.of("purpose", "device-42");

        GenerateDataKeyPairResponse pair = kms.generateDataKeyPair(b -> b.keyId(wrappingKey)
                .keyPairSpec(DataKeyPairSpec.ECC_NIST_P256).encryptionContext(context));

        assertThat(pair.keyPairSpec()).isEqualTo(DataKeyPairSpec.ECC_NIST_P256);
        PrivateKey privateKey = KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(pair.privateKeyPlaintext().asByteArray()));
        byte[] data = "firmware".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey(pair.publicKey().asByteArray()));
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(kms.decrypt(b -> b.ciphertextBlob(pair.privateKeyCiphertextBlob()).encryptionContext(context))
                .plaintext()).isEqualTo(pair.privateKeyPlaintext());

        GenerateDataKeyPairWithoutPlaintextResponse bare = kms.generateDataKeyPairWithoutPlaintext(b -> b
                .keyId(wrappingKey).keyPairSpec(DataKeyPairSpec.ECC_NIST_P256).encryptionContext(context));
        byte[] privateDer = kms.decrypt(b -> b.ciphertextBlob(bare.privateKeyCiphertextBlob())
                .encryptionContext(context)).plaintext().asByteArray();
        assertThat(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(privateDer)).getAlgorithm())
                .isEqualTo("EC");
        assertThat(bare.publicKey().asByteArray()).hasSize(91);
    }

    @Test
    void deriveSharedSecret_matchesTheJdksEcdhWithTheKeysPublicKey() throws Exception {
        String keyId = newKey(KeySpec.ECC_NIST_P256, KeyUsageType.KEY_AGREEMENT);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair peer = generator.generateKeyPair();

        byte[] fromKms = kms.deriveSharedSecret(b -> b.keyId(keyId)
                .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH)
                .publicKey(SdkBytes.fromByteArray(peer.getPublic().getEncoded()))).sharedSecret().asByteArray();

        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(peer.getPrivate());
        ecdh.doPhase(publicKey(kms.getPublicKey(b -> b.keyId(keyId)).publicKey().asByteArray()), true);
        assertThat(fromKms).isEqualTo(ecdh.generateSecret());
    }
}
