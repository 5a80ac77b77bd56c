package dev.kmslab.ui.keylab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.crypto.CiphertextBlob;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.LabFixture;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class PlaygroundViewModelTest {

    private final LabFixture lab = new LabFixture();
    private final String orders = lab.key("alias/orders");
    private final PlaygroundViewModel pg = new PlaygroundViewModel(lab.session);

    @Test
    void keyChoices_listAliasesThenKeyIds() {
        assertThat(pg.keyChoices()).containsExactly("alias/orders", orders);
        assertThat(pg.keyIdProperty().get()).isEqualTo("alias/orders");
    }

    @Test
    void aPastedCiphertext_decrypts_andNonBase64IsRefused() {
        pg.plaintextProperty().set("handed out by a lab");
        pg.encrypt();
        String copied = pg.ciphertextBase64Property().get();
        pg.plaintextProperty().set("something else");
        pg.encrypt();
        pg.useCiphertext("  " + copied + "\n");
        assertThat(pg.ciphertextBase64Property().get()).isEqualTo(copied);
        pg.decrypt();
        assertThat(pg.decryptedProperty().get()).isEqualTo("handed out by a lab");
        pg.useCiphertext("not base64!");
        assertThat(pg.errorProperty().get().code()).isEqualTo("InvalidBase64");
        assertThat(pg.ciphertextBase64Property().get()).isEqualTo(copied);
    }

    @Test
    void encryptThenDecrypt_roundTrips_andShowsTheBlob() {
        pg.plaintextProperty().set("secret text");
        pg.encrypt();
        byte[] blob = pg.ciphertextProperty().get();
        assertThat(Base64.getDecoder().decode(pg.ciphertextBase64Property().get())).isEqualTo(blob);
        assertThat(CiphertextBlob.parse(blob).keyId()).isEqualTo(orders);
        assertThat(pg.segments()).extracting(BlobSegments.Segment::kind).containsExactly(BlobSegments.Kind.FORMAT,
                BlobSegments.Kind.KEY_ID_LENGTH, BlobSegments.Kind.KEY_ID, BlobSegments.Kind.KEY_VERSION,
                BlobSegments.Kind.IV, BlobSegments.Kind.CIPHERTEXT, BlobSegments.Kind.TAG);
        pg.decrypt();
        assertThat(pg.decryptedProperty().get()).isEqualTo("secret text");
        assertThat(pg.errorProperty().get()).isNull();
    }

    @Test
    void flippingAnyByte_makesDecryptFailWithInvalidCiphertext() {
        pg.encrypt();
        int length = pg.ciphertextProperty().get().length;
        for (int position : new int[] {0, 5, 40, length - 20, length - 1}) {
            pg.encrypt();
            pg.flipByte(position);
            assertThat(pg.flippedProperty().get()).isEqualTo(position);
            pg.decrypt();
            assertThat(pg.errorProperty().get().code()).as("byte %d", position)
                    .isEqualTo("InvalidCiphertextException");
            assertThat(pg.decryptedProperty().get()).isEmpty();
        }
    }

    @Test
    void aDifferentContext_failsToDecrypt() {
        pg.encrypt();
        pg.context().get(0).valueProperty().set("other");
        pg.decrypt();
        assertThat(pg.errorProperty().get().code()).isEqualTo("InvalidCiphertextException");
        pg.context().get(0).valueProperty().set("lab");
        pg.decrypt();
        assertThat(pg.decryptedProperty().get()).isEqualTo("Hello, KMS!");
    }

    @Test
    void reEncrypt_movesTheBlobToAnotherKey_thatStillDecrypts() {
        String other = lab.key("alias/other");
        pg.encrypt();
        pg.reEncryptTargetProperty().set("alias/other");
        pg.reEncrypt();
        assertThat(CiphertextBlob.parse(pg.ciphertextProperty().get()).keyId()).isEqualTo(other);
        pg.decrypt();
        assertThat(pg.decryptedProperty().get()).isEqualTo("Hello, KMS!");
    }

    @Test
    void aDisabledKey_refusesToEncrypt() {
        lab.engine.disableKey(lab.root, new DisableKeyRequest(orders));
        pg.encrypt();
        assertThat(pg.errorProperty().get().code()).isEqualTo("DisabledException");
        assertThat(pg.errorProperty().get().meaning()).contains("disabled");
    }

    @Test
    void dataKey_showsA256BitPlaintextAndItsEncryptedCopy() {
        pg.generateDataKey();
        assertThat(Base64.getDecoder().decode(pg.dataKeyPlaintextProperty().get())).hasSize(32);
        byte[] encrypted = Base64.getDecoder().decode(pg.dataKeyCiphertextProperty().get());
        assertThat(CiphertextBlob.parse(encrypted).keyId()).isEqualTo(orders);
    }

    @Test
    void randomBytes_oneTo1024() {
        pg.setRandomCount(1024);
        pg.generateRandom();
        assertThat(pg.randomBytesProperty().get()).hasSize(2048);
        pg.setRandomCount(1025);
        pg.generateRandom();
        assertThat(pg.errorProperty().get().code()).isEqualTo("ValidationException");
    }

    @Test
    void contextMap_skipsRowsWithoutAKey() {
        pg.addContextRow();
        pg.context().add(new ContextEntry(" tenant ", "acme"));
        assertThat(pg.contextMap()).containsExactly(java.util.Map.entry("purpose", "lab"),
                java.util.Map.entry("tenant", "acme"));
    }
}
