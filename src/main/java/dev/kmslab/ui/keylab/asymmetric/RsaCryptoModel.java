package dev.kmslab.ui.keylab.asymmetric;

import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Encrypt and Decrypt with an RSA ENCRYPT_DECRYPT key and RSAES-OAEP. The plaintext limit depends on the key size and
 * the hash, so it is shown before the call: RSA can only carry a few hundred bytes, which is why data keys exist.
 */
public final class RsaCryptoModel {

    private final KeyLabSession session;
    private final Outcome outcome = new Outcome();
    private final ObjectProperty<AsymKey> key = new SimpleObjectProperty<>();
    private final ObservableList<EncryptionAlgorithmSpec> algorithms = FXCollections.observableArrayList();
    private final ObjectProperty<EncryptionAlgorithmSpec> algorithm = new SimpleObjectProperty<>();
    private final StringProperty plaintext = new SimpleStringProperty("card 4111 1111 1111 1111");
    private final javafx.beans.property.ReadOnlyObjectWrapper<byte[]> ciphertext = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyStringWrapper decrypted = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final StringBinding limitText;

    RsaCryptoModel(KeyLabSession session) {
        this.session = session;
        limitText = Bindings.createStringBinding(() -> {
            int max = maxPlaintextBytes();
            if (max < 0) {
                return "";
            }
            int used = plaintext.get().getBytes(StandardCharsets.UTF_8).length;
            return used + " of at most " + max + " bytes (" + key.get().spec() + " with " + algorithm.get()
                    + ": modulus bytes − 2 × hash length − 2)"
                    + (used > max ? " — too long, Encrypt will fail" : "");
        }, key, algorithm, plaintext);
    }

    void setKey(AsymKey k) {
        key.set(k);
        algorithms.setAll(k == null || !k.isRsa() ? java.util.List.of() : k.metadata().encryptionAlgorithms());
        algorithm.set(algorithms.contains(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)
                ? EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256 : algorithms.isEmpty() ? null : algorithms.get(0));
        ciphertext.set(null);
        decrypted.set("");
        outcome.clear();
    }

    /** The OAEP plaintext limit for the key and algorithm, or -1 when no RSA key is chosen. */
    public int maxPlaintextBytes() {
        AsymKey k = key.get();
        if (k == null || !k.isRsa() || algorithm.get() == null) {
            return -1;
        }
        return algorithm.get().maxPlaintextBytes(k.rsaBits());
    }

    public void encrypt() {
        AsymKey k = key.get();
        if (k == null || algorithm.get() == null) {
            return;
        }
        byte[] bytes = plaintext.get().getBytes(StandardCharsets.UTF_8);
        EncryptionAlgorithmSpec alg = algorithm.get();
        session.call(engine -> engine.encrypt(session.caller(), new EncryptRequest(k.keyId(), bytes, null, alg)),
                r -> {
                    ciphertext.set(r.ciphertextBlob());
                    decrypted.set("");
                    outcome.done("Encrypted " + bytes.length + " bytes into " + r.ciphertextBlob().length
                            + " bytes (the modulus size). OAEP is randomised: encrypt again and the bytes differ.");
                }, outcome::failed);
    }

    /** Decrypt needs the KeyId and algorithm for asymmetric ciphertext: unlike a symmetric blob it names neither. */
    public void decrypt() {
        AsymKey k = key.get();
        byte[] blob = ciphertext.get();
        if (k == null || blob == null) {
            return;
        }
        EncryptionAlgorithmSpec alg = algorithm.get();
        session.call(engine -> {
            var r = engine.decrypt(session.caller(), new DecryptRequest(blob, null, k.keyId(), alg));
            String text = new String(r.plaintext(), StandardCharsets.UTF_8);
            r.destroyPlaintext();
            return text;
        }, text -> {
            decrypted.set(text);
            outcome.done("Decrypted inside KMS with the private key, naming the key and " + alg + ".");
        }, e -> {
            decrypted.set("");
            outcome.failed(e);
        });
    }

    public ObservableList<EncryptionAlgorithmSpec> algorithms() {
        return algorithms;
    }

    public ObjectProperty<EncryptionAlgorithmSpec> algorithmProperty() {
        return algorithm;
    }

    public StringProperty plaintextProperty() {
        return plaintext;
    }

    public ReadOnlyObjectProperty<byte[]> ciphertextProperty() {
        return ciphertext.getReadOnlyProperty();
    }

    public StringBinding ciphertextTextProperty() {
        return Bindings.createStringBinding(() -> ciphertext.get() == null ? ""
                : Base64.getEncoder().encodeToString(ciphertext.get()), ciphertext);
    }

    public ReadOnlyStringProperty decryptedProperty() {
        return decrypted.getReadOnlyProperty();
    }

    public StringBinding limitTextProperty() {
        return limitText;
    }

    public Outcome outcome() {
        return outcome;
    }
}
