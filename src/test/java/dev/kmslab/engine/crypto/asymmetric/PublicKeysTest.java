package dev.kmslab.engine.crypto.asymmetric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.KeyAgreementAlgorithmSpec;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.junit.jupiter.api.Test;

/** GetPublicKey output and its PEM form. */
class PublicKeysTest {

    @Test
    void rsaEncryptionKey_reportsSpkiAndEncryptionAlgorithmsOnly() throws Exception {
        PublicKeyInfo info = PublicKeys.getPublicKey(TestKeys.of(KeySpec.RSA_2048), KeyUsage.ENCRYPT_DECRYPT);

        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(info.publicKey()));
        assertThat(key.getModulus().bitLength()).isEqualTo(2048);
        assertThat(info.keySpec()).isEqualTo(KeySpec.RSA_2048);
        assertThat(info.algorithms().encryption()).containsExactly(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256);
        assertThat(info.algorithms().signing()).isEmpty();
    }

    @Test
    void eccKeys_reportTheirUsageAlgorithms() {
        assertThat(PublicKeys.getPublicKey(TestKeys.of(KeySpec.ECC_NIST_P384), KeyUsage.KEY_AGREEMENT)
                .algorithms().keyAgreement()).containsExactly(KeyAgreementAlgorithmSpec.ECDH);
        assertThat(PublicKeys.getPublicKey(TestKeys.of(KeySpec.ECC_SECG_P256K1), KeyUsage.SIGN_VERIFY)
                .algorithms().signing()).containsExactly(SigningAlgorithmSpec.ECDSA_SHA_256);
    }

    @Test
    void pem_wrapsTheDerIn64CharacterLines_andDecodesBack() {
        PublicKeyInfo info = PublicKeys.getPublicKey(TestKeys.of(KeySpec.RSA_4096), KeyUsage.SIGN_VERIFY);
        String pem = info.pem();

        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(pem.lines().filter(l -> !l.startsWith("-----"))).allMatch(l -> l.length() <= 64);
        assertThat(Pem.decode(Pem.PUBLIC_KEY, pem)).isEqualTo(info.publicKey());
    }

    @Test
    void hmacKey_hasNoPublicKey() {
        assertThatThrownBy(() -> PublicKeys.getPublicKey(TestKeys.of(KeySpec.HMAC_256),
                KeyUsage.GENERATE_VERIFY_MAC)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("asymmetric");
    }
}
