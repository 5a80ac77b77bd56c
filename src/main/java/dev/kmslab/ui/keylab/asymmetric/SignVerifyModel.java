package dev.kmslab.ui.keylab.asymmetric;

import dev.kmslab.engine.model.GetPublicKeyRequest;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SignRequest;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import dev.kmslab.engine.model.VerifyRequest;
import dev.kmslab.ui.keylab.common.ByteText;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabError;
import dev.kmslab.ui.keylab.common.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
 * Sign and Verify with a SIGN_VERIFY key: RAW or DIGEST messages, the signature in hex or Base64, one-byte tampering
 * of message or signature, and a verification outside KMS with the public key alone.
 */
public final class SignVerifyModel {

    private final KeyLabSession session;
    private final Outcome outcome = new Outcome();
    private final javafx.beans.property.ReadOnlyObjectWrapper<AsymKey> key = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ObservableList<SigningAlgorithmSpec> algorithms = FXCollections.observableArrayList();
    private final ObjectProperty<SigningAlgorithmSpec> algorithm = new SimpleObjectProperty<>();
    private final ObservableList<MessageType> messageTypes = FXCollections.observableArrayList();
    private final ObjectProperty<MessageType> messageType = new SimpleObjectProperty<>(MessageType.RAW);
    private final StringProperty message = new SimpleStringProperty("Pay 100 EUR to Alice");
    private final javafx.beans.property.ReadOnlyObjectWrapper<byte[]> signature = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ObjectProperty<ByteText.Encoding> encoding = new SimpleObjectProperty<>(ByteText.Encoding.BASE64);
    private final javafx.beans.property.ReadOnlyStringWrapper verdict = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final StringBinding digestText;
    private final StringBinding limitText;
    private final StringBinding signatureText;
    private byte[] publicKey;
    private String publicKeyOf;

    SignVerifyModel(KeyLabSession session) {
        this.session = session;
        algorithm.addListener((obs, was, now) -> {
            messageTypes.setAll(now == null ? java.util.List.of() : SigningRules.messageTypes(now));
            if (!messageTypes.contains(messageType.get()) && !messageTypes.isEmpty()) {
                messageType.set(messageTypes.get(0));
            }
        });
        digestText = Bindings.createStringBinding(() -> {
            if (messageType.get() != MessageType.DIGEST || algorithm.get() == null) {
                return "";
            }
            return SigningRules.hashName(algorithm.get()) + " = "
                    + ByteText.format(messageBytes(), ByteText.Encoding.HEX);
        }, messageType, algorithm, message);
        limitText = Bindings.createStringBinding(() -> algorithm.get() == null ? "" : SigningRules.limit(
                algorithm.get(), messageType.get(), message.get().getBytes(StandardCharsets.UTF_8).length),
                algorithm, messageType, message);
        signatureText = Bindings.createStringBinding(() -> signature.get() == null ? ""
                : ByteText.format(signature.get(), encoding.get()), signature, encoding);
    }

    void setKey(AsymKey k) {
        key.set(k);
        algorithms.setAll(k == null ? java.util.List.of() : k.metadata().signingAlgorithms());
        algorithm.set(algorithms.isEmpty() ? null : algorithms.get(0));
        signature.set(null);
        verdict.set("");
        outcome.clear();
    }

    /** What Sign and Verify send: the UTF-8 message for RAW, its digest computed here for DIGEST. */
    public byte[] messageBytes() {
        byte[] raw = message.get().getBytes(StandardCharsets.UTF_8);
        return messageType.get() == MessageType.DIGEST ? SigningRules.digest(algorithm.get(), raw) : raw;
    }

    public void sign() {
        AsymKey k = key.get();
        if (k == null || algorithm.get() == null) {
            return;
        }
        SignRequest request = new SignRequest(k.keyId(), messageBytes(), messageType.get(), algorithm.get());
        session.call(engine -> engine.sign(session.caller(), request), r -> {
            signature.set(r.signature());
            verdict.set("");
            outcome.done("Signed with " + r.signingAlgorithm() + ": a " + r.signature().length + "-byte signature. "
                    + "The private key never left KMS.");
        }, this::failed);
    }

    public void verify() {
        AsymKey k = key.get();
        byte[] sig = signature.get();
        if (k == null || sig == null) {
            return;
        }
        VerifyRequest request = new VerifyRequest(k.keyId(), messageBytes(), messageType.get(), sig, algorithm.get());
        session.call(engine -> engine.verify(session.caller(), request), r -> {
            verdict.set("Valid (KMS Verify)");
            outcome.done("KMS says the signature is valid for this message and key.");
        }, e -> {
            verdict.set("KMSInvalidSignatureException".equals(e.code()) ? "Invalid (KMS Verify)" : "");
            failed(e);
        });
    }

    /**
     * Verifies with the public key and JCA / Bouncy Castle only. The public key is downloaded once with GetPublicKey
     * (as anyone allowed kms:GetPublicKey could); the check itself makes no KMS call and leaves no audit record.
     */
    public void verifyOffline() {
        AsymKey k = key.get();
        byte[] sig = signature.get();
        if (k == null || sig == null) {
            return;
        }
        byte[] original = message.get().getBytes(StandardCharsets.UTF_8);
        SigningAlgorithmSpec alg = algorithm.get();
        byte[] cached = k.keyId().equals(publicKeyOf) ? publicKey : null;
        session.call(engine -> {
            byte[] der = cached != null ? cached
                    : engine.getPublicKey(session.caller(), new GetPublicKeyRequest(k.keyId())).publicKey();
            try {
                return new Offline(der, OfflineVerifier.verify(der, alg, original, sig));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Local verification failed: " + e.getMessage(), e);
            }
        }, r -> {
            publicKey = r.publicKey();
            publicKeyOf = k.keyId();
            verdict.set(r.valid() ? "Valid (offline)" : "Invalid (offline)");
            outcome.done(r.valid() ? "Verified outside KMS with the public key and " + provider(alg) + ": valid. "
                    + "No KMS call was needed for the check."
                    : "Verified outside KMS with the public key: the signature does NOT match this message.");
        }, this::failed);
    }

    private record Offline(byte[] publicKey, boolean valid) {
    }

    private static String provider(SigningAlgorithmSpec alg) {
        return alg.name().startsWith("ECDSA") || alg.name().startsWith("ML_DSA") || alg.name().contains("_PH_")
                ? "Bouncy Castle" : "the JDK's JCA";
    }

    /** Changes one byte of the message, keeping the signature: Verify must now fail. */
    public void tamperMessage() {
        message.set(ByteText.tamperText(message.get()));
        verdict.set("");
        outcome.done("Changed one byte of the message. Verify the old signature against it.");
    }

    /** Flips one bit of the signature: Verify must now fail. */
    public void tamperSignature() {
        if (signature.get() == null) {
            return;
        }
        int position = signature.get().length / 2;
        signature.set(ByteText.flipMiddleByte(signature.get()));
        verdict.set("");
        outcome.done("Flipped one bit of signature byte " + position + ". Verify it now.");
    }

    private void failed(LabError e) {
        outcome.failed(e);
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<AsymKey> keyProperty() {
        return key.getReadOnlyProperty();
    }

    public ObservableList<SigningAlgorithmSpec> algorithms() {
        return algorithms;
    }

    public ObjectProperty<SigningAlgorithmSpec> algorithmProperty() {
        return algorithm;
    }

    public ObservableList<MessageType> messageTypes() {
        return messageTypes;
    }

    public ObjectProperty<MessageType> messageTypeProperty() {
        return messageType;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ReadOnlyObjectProperty<byte[]> signatureProperty() {
        return signature.getReadOnlyProperty();
    }

    public ObjectProperty<ByteText.Encoding> encodingProperty() {
        return encoding;
    }

    public StringBinding signatureTextProperty() {
        return signatureText;
    }

    public StringBinding digestTextProperty() {
        return digestText;
    }

    public StringBinding limitTextProperty() {
        return limitText;
    }

    /** "Valid (KMS Verify)", "Invalid (offline)", … or "" before a check. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public Outcome outcome() {
        return outcome;
    }
}
