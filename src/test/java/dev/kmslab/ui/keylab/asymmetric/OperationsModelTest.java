package dev.kmslab.ui.keylab.asymmetric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.model.DataKeyPairSpec;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.GetPublicKeyRequest;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.ui.UiTests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The tab's other sections: public key, RSA-OAEP, HMAC, ECDH and data key pairs, against the real engine. */
@ResourceLock(UiTests.JAVAFX)
class OperationsModelTest {

    @TempDir
    Path dir;

    private final AsymLab lab = new AsymLab();

    @Test
    void publicKey_isShownAsPem_thatParsesToTheKmsPublicKey_andExportsAtomically() throws Exception {
        String id = lab.key(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        PublicKeyModel pk = lab.model.publicKey();
        pk.fetch();
        String pem = pk.pemProperty().get();
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(pk.detailsProperty().get()).isEqualTo("KeySpec ECC_NIST_P256 · KeyUsage SIGN_VERIFY · "
                + "ECDSA_SHA_256");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        assertThat(der).isEqualTo(lab.lab.engine.getPublicKey(lab.lab.root, new GetPublicKeyRequest(id))
                .publicKey());
        assertThat(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der)).getAlgorithm())
                .isEqualTo("EC");

        Path file = dir.resolve("signer-public.pem");
        lab.dialogs.willChoose(file);
        pk.exportAs();
        assertThat(lab.dialogs.fileRequests()).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("Save the public key as");
            assertThat(r.initialName()).isEqualTo(id + "-public.pem");
            assertThat(r.types()).extracting(t -> t.pattern()).containsExactly("*.pem");
        });
        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).isEqualTo(pem);
        assertThat(pk.outcome().status()).startsWith("Saved the public key to signer-public.pem");
        assertThat(pk.suggestedFileName()).isEqualTo(id + "-public.pem");
    }

    @Test
    void publicKey_ofRsaEncryptionAndKeyAgreementKeys_listsTheirAlgorithms() {
        lab.key(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT);
        lab.model.publicKey().fetch();
        assertThat(lab.model.publicKey().detailsProperty().get()).isEqualTo("KeySpec RSA_2048 · KeyUsage "
                + "ENCRYPT_DECRYPT · RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256");
        lab.key(KeySpec.ECC_NIST_P384, KeyUsage.KEY_AGREEMENT);
        lab.model.publicKey().fetch();
        assertThat(lab.model.publicKey().detailsProperty().get()).endsWith("KEY_AGREEMENT · ECDH");
    }

    @Test
    void publicKey_ofAnHmacKey_isNotOffered() {
        lab.key(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
        assertThat(lab.model.hasPublicKey().get()).isFalse();
        assertThat(lab.model.macKey().get()).isTrue();
        assertThat(lab.model.signingKey().get()).isFalse();
    }

    @Test
    void rsaOaep_showsTheLimitBeforeTheCall_roundTrips_andRefusesOneByteTooMany() {
        lab.key(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT);
        RsaCryptoModel rsa = lab.model.rsa();
        assertThat(lab.model.rsaEncryptionKey().get()).isTrue();
        assertThat(rsa.algorithmProperty().get()).isEqualTo(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256);
        assertThat(rsa.maxPlaintextBytes()).isEqualTo(190);
        rsa.algorithmProperty().set(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1);
        assertThat(rsa.maxPlaintextBytes()).isEqualTo(214);
        assertThat(rsa.limitTextProperty().get()).startsWith("24 of at most 214 bytes");

        rsa.encrypt();
        assertThat(rsa.ciphertextProperty().get()).hasSize(256);
        rsa.decrypt();
        assertThat(rsa.decryptedProperty().get()).isEqualTo("card 4111 1111 1111 1111");

        rsa.plaintextProperty().set("x".repeat(215));
        assertThat(rsa.limitTextProperty().get()).contains("too long");
        rsa.encrypt();
        assertThat(rsa.outcome().errorCode()).isEqualTo("ValidationException");
        rsa.plaintextProperty().set("x".repeat(214));
        rsa.encrypt();
        assertThat(rsa.outcome().errorCode()).isEmpty();
    }

    @Test
    void rsa4096_hasTheLargerLimit() {
        lab.key(KeySpec.RSA_4096, KeyUsage.ENCRYPT_DECRYPT);
        assertThat(lab.model.rsa().maxPlaintextBytes()).isEqualTo(446);
    }

    @Test
    void mac_followsTheKeySpec_verifies_andFailsAfterTampering() {
        lab.key(KeySpec.HMAC_384, KeyUsage.GENERATE_VERIFY_MAC);
        MacModel mac = lab.model.mac();
        assertThat(mac.algorithmProperty().get()).isEqualTo(MacAlgorithmSpec.HMAC_SHA_384);
        mac.generate();
        assertThat(mac.macProperty().get()).hasSize(48);
        byte[] first = mac.macProperty().get();
        mac.generate();
        assertThat(mac.macProperty().get()).as("HMAC is deterministic").isEqualTo(first);
        mac.verify();
        assertThat(mac.verdictProperty().get()).isEqualTo("Valid");

        mac.tamperMac();
        mac.verify();
        assertThat(mac.outcome().errorCode()).isEqualTo("KMSInvalidMacException");
        assertThat(mac.verdictProperty().get()).isEqualTo("Invalid");

        mac.generate();
        mac.tamperMessage();
        assertThat(mac.messageProperty().get()).isEqualTo("ression=42;user=alice");
        mac.verify();
        assertThat(mac.outcome().errorCode()).isEqualTo("KMSInvalidMacException");
    }

    @Test
    void sharedSecret_isTheSameOnBothSides() {
        lab.key(KeySpec.ECC_NIST_P256, KeyUsage.KEY_AGREEMENT);
        SharedSecretModel ecdh = lab.model.sharedSecret();
        ecdh.derive();
        assertThat(ecdh.outcome().errorCode()).isEmpty();
        assertThat(ecdh.kmsSideProperty().get()).startsWith("SHA-256 ").isEqualTo(ecdh.peerSideProperty().get());
        assertThat(ecdh.outcome().status()).startsWith("Both sides derived the same 32-byte secret");
    }

    @Test
    void dataKeyPair_withPlaintext_decryptsToTheSamePrivateKey_thatMatchesThePublicKey() throws Exception {
        lab.lab.key("alias/wrapper");
        lab.key(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        DataKeyPairModel dkp = lab.model.dataKeyPairs();
        assertThat(dkp.wrappingKeys()).extracting(AsymKey::spec).containsOnly(KeySpec.SYMMETRIC_DEFAULT);
        assertThat(dkp.wrappingKeyProperty().get().alias()).isEqualTo("alias/wrapper");
        dkp.specProperty().set(DataKeyPairSpec.ECC_NIST_P256);
        dkp.generate();
        assertThat(dkp.privateKeyPemProperty().get()).startsWith("-----BEGIN PRIVATE KEY-----");
        dkp.decryptPrivateKey();
        assertThat(dkp.decryptedPemProperty().get()).isEqualTo(dkp.privateKeyPemProperty().get());
        assertThat(dkp.comparisonProperty().get()).startsWith("Decrypt returned the same");

        // The pair belongs together: sign with the private half, verify with the public half.
        KeyFactory ec = KeyFactory.getInstance("EC");
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(ec.generatePrivate(new PKCS8EncodedKeySpec(der(dkp.decryptedPemProperty().get()))));
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(ec.generatePublic(new X509EncodedKeySpec(der(dkp.publicKeyPemProperty().get()))));
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void dataKeyPair_withoutPlaintext_hasNoPrivateKeyUntilDecrypt() {
        lab.lab.key(null);
        DataKeyPairModel dkp = lab.model.dataKeyPairs();
        dkp.withPlaintextProperty().set(false);
        dkp.specProperty().set(DataKeyPairSpec.RSA_2048);
        dkp.generate();
        assertThat(dkp.privateKeyPemProperty().get()).isEmpty();
        assertThat(dkp.publicKeyPemProperty().get()).startsWith("-----BEGIN PUBLIC KEY-----");
        dkp.decryptPrivateKey();
        assertThat(dkp.decryptedPemProperty().get()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(dkp.comparisonProperty().get()).matches("Decrypt returned the 12\\d\\d-byte PKCS#8 private key.");
    }

    @Test
    void keyPicker_listsOnlyAsymmetricAndHmacKeys_andFollowsTheSessionsKey() {
        String symmetric = lab.lab.key("alias/data");
        String signer = lab.key(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        String mac = lab.key(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
        assertThat(lab.model.keys()).extracting(AsymKey::keyId).containsExactlyInAnyOrder(signer, mac)
                .doesNotContain(symmetric);
        AsymmetricViewModel fresh = new AsymmetricViewModel(withSelected(signer));
        assertThat(fresh.selectedProperty().get().keyId()).isEqualTo(signer);
    }

    private dev.kmslab.ui.keylab.common.KeyLabSession withSelected(String keyId) {
        lab.lab.session.selectedKeyIdProperty().set(keyId);
        return lab.lab.session;
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
