package dev.kmslab.ui.keylab.asymmetric;

import dev.kmslab.engine.model.DataKeyPairSpec;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.GenerateDataKeyPairRequest;
import dev.kmslab.engine.model.GenerateDataKeyPairResult;
import dev.kmslab.ui.keylab.common.ByteText;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.Outcome;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * GenerateDataKeyPair and …WithoutPlaintext under a symmetric key: the public key, the private key encrypted under
 * the KMS key and (for the plaintext variant) the private key itself; then Decrypt of the encrypted private key,
 * which gives back exactly the same PKCS#8 bytes.
 */
public final class DataKeyPairModel {

    /** SM2 exists only in the China Regions, which the lab does not simulate. */
    public static final List<DataKeyPairSpec> SPECS = Arrays.stream(DataKeyPairSpec.values())
            .filter(s -> s != DataKeyPairSpec.SM2).toList();

    private final KeyLabSession session;
    private final Outcome outcome = new Outcome();
    private final ObservableList<AsymKey> wrappingKeys = FXCollections.observableArrayList();
    private final ObjectProperty<AsymKey> wrappingKey = new SimpleObjectProperty<>();
    private final ObjectProperty<DataKeyPairSpec> spec = new SimpleObjectProperty<>(DataKeyPairSpec.ECC_NIST_P256);
    private final BooleanProperty withPlaintext = new SimpleBooleanProperty(true);
    private final javafx.beans.property.ReadOnlyStringWrapper publicKeyPem = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyStringWrapper encryptedPrivateKey = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyStringWrapper privateKeyPem = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyStringWrapper decryptedPem = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyStringWrapper comparison = new javafx.beans.property.ReadOnlyStringWrapper("");
    private byte[] ciphertext;
    // A SHA-256 of the plaintext private key, kept instead of the key itself to compare with the Decrypt result.
    private byte[] privateKeyHash;

    DataKeyPairModel(KeyLabSession session) {
        this.session = session;
    }

    /** The symmetric encryption keys offered; keeps the chosen one when it is still there. */
    void setWrappingKeys(List<AsymKey> keys) {
        String chosen = wrappingKey.get() == null ? null : wrappingKey.get().keyId();
        wrappingKeys.setAll(keys);
        wrappingKey.set(keys.stream().filter(k -> k.keyId().equals(chosen)).findFirst()
                .orElse(keys.isEmpty() ? null : keys.get(0)));
    }

    public void generate() {
        AsymKey k = wrappingKey.get();
        if (k == null) {
            return;
        }
        GenerateDataKeyPairRequest request = GenerateDataKeyPairRequest.of(k.keyId(), spec.get());
        boolean plain = withPlaintext.get();
        session.call(engine -> {
            if (!plain) {
                var r = engine.generateDataKeyPairWithoutPlaintext(session.caller(), request);
                return new Pair(r.publicKey(), r.privateKeyCiphertextBlob(), "", null);
            }
            GenerateDataKeyPairResult r = engine.generateDataKeyPair(session.caller(), request);
            Pair pair = new Pair(r.publicKey(), r.privateKeyCiphertextBlob(),
                    ByteText.pem("PRIVATE KEY", r.privateKeyPlaintext()), sha256(r.privateKeyPlaintext()));
            r.destroyPlaintext();
            return pair;
        }, pair -> {
            ciphertext = pair.ciphertext();
            privateKeyHash = pair.privateKeyHash();
            publicKeyPem.set(ByteText.pem("PUBLIC KEY", pair.publicKey()));
            encryptedPrivateKey.set(Base64.getEncoder().encodeToString(pair.ciphertext()));
            privateKeyPem.set(pair.privatePem());
            decryptedPem.set("");
            comparison.set("");
            outcome.done((plain ? "GenerateDataKeyPair" : "GenerateDataKeyPairWithoutPlaintext") + " made a "
                    + request.keyPairSpec() + " pair outside any KMS key: store the encrypted private key, "
                    + (plain ? "use the plaintext one now and then discard it." : "and call Decrypt when you need "
                    + "the private key."));
        }, outcome::failed);
    }

    private record Pair(byte[] publicKey, byte[] ciphertext, String privatePem, byte[] privateKeyHash) {
    }

    /** Decrypts the encrypted private key with the symmetric KMS key; the blob names its key, no KeyId needed. */
    public void decryptPrivateKey() {
        byte[] blob = ciphertext;
        if (blob == null) {
            return;
        }
        byte[] expected = privateKeyHash;
        session.call(engine -> {
            DecryptResult r = engine.decrypt(session.caller(), DecryptRequest.of(blob, null));
            String[] out = {ByteText.pem("PRIVATE KEY", r.plaintext()),
                    expected == null ? "" : MessageDigest.isEqual(expected, sha256(r.plaintext())) ? "same" : "differs",
                    String.valueOf(r.plaintext().length)};
            r.destroyPlaintext();
            return out;
        }, out -> {
            decryptedPem.set(out[0]);
            comparison.set(out[1].isEmpty() ? "Decrypt returned the " + out[2] + "-byte PKCS#8 private key."
                    : out[1].equals("same") ? "Decrypt returned the same " + out[2]
                    + " bytes as the plaintext private key." : "Decrypt returned different bytes!");
            outcome.done("Decrypted the private key blob with the symmetric KMS key.");
        }, outcome::failed);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public ObservableList<AsymKey> wrappingKeys() {
        return wrappingKeys;
    }

    public ObjectProperty<AsymKey> wrappingKeyProperty() {
        return wrappingKey;
    }

    public ObjectProperty<DataKeyPairSpec> specProperty() {
        return spec;
    }

    public BooleanProperty withPlaintextProperty() {
        return withPlaintext;
    }

    public ReadOnlyStringProperty publicKeyPemProperty() {
        return publicKeyPem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty encryptedPrivateKeyProperty() {
        return encryptedPrivateKey.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty privateKeyPemProperty() {
        return privateKeyPem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty decryptedPemProperty() {
        return decryptedPem.getReadOnlyProperty();
    }

    /** "Decrypt returned the same N bytes as the plaintext private key." after a Decrypt. */
    public ReadOnlyStringProperty comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public Outcome outcome() {
        return outcome;
    }
}
