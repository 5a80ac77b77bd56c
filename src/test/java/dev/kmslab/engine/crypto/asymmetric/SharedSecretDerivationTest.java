package dev.kmslab.engine.crypto.asymmetric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.crypto.AsymmetricKeyMaterial;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.error.InvalidKeyUsageException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.KeyAgreementAlgorithmSpec;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.KeyAgreement;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DeriveSharedSecret: both sides of raw ECDH agree, and bad peer keys or key types are refused. */
class SharedSecretDerivationTest {

    private static final KeyUsage AGREE = KeyUsage.KEY_AGREEMENT;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ECC_NIST_P256, secp256r1, 32", "ECC_NIST_P384, secp384r1, 48", "ECC_NIST_P521, secp521r1, 66"})
    void kmsSideAndPeerSide_deriveTheSameRawSecret(KeySpec spec, String curve, int length) throws Exception {
        KeyMaterial key = TestKeys.of(spec);
        KeyPair peer = peerPair(curve);

        byte[] kmsSecret = SharedSecretDerivation.derive(key, AGREE, KeyAgreementAlgorithmSpec.ECDH,
                peer.getPublic().getEncoded());

        KeyAgreement peerSide = KeyAgreement.getInstance("ECDH");
        peerSide.init(peer.getPrivate());
        peerSide.doPhase(KeyFactory.getInstance("EC").generatePublic(
                new X509EncodedKeySpec(((AsymmetricKeyMaterial) key).publicKeyDer())), true);
        assertThat(kmsSecret).hasSize(length).isEqualTo(peerSide.generateSecret());
    }

    @Test
    void compressedPeerPoint_givesTheSameSecret() throws Exception {
        KeyMaterial key = TestKeys.of(KeySpec.ECC_NIST_P256);
        KeyPair peer = peerPair("secp256r1");
        byte[] compressed = withPoint(peer, point(peer).getEncoded(true));

        assertThat(SharedSecretDerivation.derive(key, AGREE, KeyAgreementAlgorithmSpec.ECDH, compressed))
                .isEqualTo(SharedSecretDerivation.derive(key, AGREE, KeyAgreementAlgorithmSpec.ECDH,
                        peer.getPublic().getEncoded()));
    }

    @Test
    void peerKeyOnAnotherCurve_isValidationException() throws Exception {
        byte[] p384 = peerPair("secp384r1").getPublic().getEncoded();

        assertThatThrownBy(() -> SharedSecretDerivation.derive(TestKeys.of(KeySpec.ECC_NIST_P256), AGREE,
                KeyAgreementAlgorithmSpec.ECDH, p384))
                .isInstanceOf(ValidationException.class).hasMessageContaining("same curve");
        assertThatThrownBy(() -> SharedSecretDerivation.derive(TestKeys.of(KeySpec.ECC_NIST_P256), AGREE,
                KeyAgreementAlgorithmSpec.ECDH, ((AsymmetricKeyMaterial) TestKeys.of(KeySpec.RSA_2048)).publicKeyDer()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void pointNotOnTheCurve_orGarbage_isValidationException() throws Exception {
        KeyPair peer = peerPair("secp256r1");
        byte[] uncompressed = point(peer).getEncoded(false);
        uncompressed[uncompressed.length - 1] ^= 0x01;
        byte[] offCurve = withPoint(peer, uncompressed);

        assertThatThrownBy(() -> SharedSecretDerivation.derive(TestKeys.of(KeySpec.ECC_NIST_P256), AGREE,
                KeyAgreementAlgorithmSpec.ECDH, offCurve))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not a valid point");
        assertThatThrownBy(() -> SharedSecretDerivation.derive(TestKeys.of(KeySpec.ECC_NIST_P256), AGREE,
                KeyAgreementAlgorithmSpec.ECDH, new byte[] {1, 2, 3}))
                .isInstanceOf(ValidationException.class).hasMessageContaining("SubjectPublicKeyInfo");
        assertThatThrownBy(() -> SharedSecretDerivation.derive(TestKeys.of(KeySpec.ECC_NIST_P256), AGREE,
                KeyAgreementAlgorithmSpec.ECDH, new byte[8193])).isInstanceOf(ValidationException.class);
    }

    @Test
    void signingUsageOrSpecsWithoutKeyAgreement_areInvalidKeyUsage() throws Exception {
        byte[] peer = peerPair("secp256r1").getPublic().getEncoded();

        assertThatThrownBy(() -> SharedSecretDerivation.derive(TestKeys.of(KeySpec.ECC_NIST_P256),
                KeyUsage.SIGN_VERIFY, KeyAgreementAlgorithmSpec.ECDH, peer))
                .isInstanceOf(InvalidKeyUsageException.class).hasMessageContaining("DeriveSharedSecret");
        assertThatThrownBy(() -> SharedSecretDerivation.derive(TestKeys.of(KeySpec.ECC_SECG_P256K1), AGREE,
                KeyAgreementAlgorithmSpec.ECDH, peer)).isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> SharedSecretDerivation.derive(TestKeys.of(KeySpec.HMAC_256), AGREE,
                KeyAgreementAlgorithmSpec.ECDH, peer)).isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> SharedSecretDerivation.derive(TestKeys.of(KeySpec.ECC_NIST_P256), AGREE, null,
                peer)).isInstanceOf(ValidationException.class);
    }

    private static KeyPair peerPair(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static ECPoint point(KeyPair pair) {
        ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
        return KeyCodec.curve(KeySpec.ECC_NIST_P256).getCurve().createPoint(publicKey.getW().getAffineX(),
                publicKey.getW().getAffineY());
    }

    private static byte[] withPoint(KeyPair pair, byte[] encodedPoint) throws Exception {
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
        return new SubjectPublicKeyInfo(info.getAlgorithm(), encodedPoint).getEncoded();
    }
}
