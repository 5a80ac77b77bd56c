package dev.kmslab.ui.keylab.playground;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.AliasListEntry;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateDataKeyResult;
import dev.kmslab.engine.model.GenerateRandomRequest;
import dev.kmslab.engine.model.GenerateRandomResult;
import dev.kmslab.engine.model.KeyListEntry;
import dev.kmslab.engine.model.ListAliasesRequest;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.engine.model.ReEncryptRequest;
import dev.kmslab.engine.model.ReEncryptResult;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabError;
import dev.kmslab.ui.keylab.common.LabFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Playground: encrypt and decrypt text with a key and an encryption context, look inside the ciphertext blob,
 * damage it on purpose, re-encrypt it, and generate data keys and random bytes.
 */
public final class PlaygroundViewModel {

    public static final int MAX_RANDOM_BYTES = 1024;

    private final KeyLabSession session;
    private final ObservableList<String> keyChoices = FXCollections.observableArrayList();
    private final StringProperty keyId = new SimpleStringProperty("");
    private final ObservableList<ContextEntry> context = FXCollections.observableArrayList();
    private final StringProperty plaintext = new SimpleStringProperty("Hello, KMS!");
    private final javafx.beans.property.ReadOnlyObjectWrapper<byte[]> ciphertext = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyStringWrapper ciphertextBase64 = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final ObservableList<BlobSegments.Segment> segments = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyIntegerWrapper flipped = new javafx.beans.property.ReadOnlyIntegerWrapper(-1);
    private final javafx.beans.property.ReadOnlyStringWrapper decrypted = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final StringProperty reEncryptTarget = new SimpleStringProperty("");
    private final javafx.beans.property.ReadOnlyStringWrapper dataKeyPlaintext = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyStringWrapper dataKeyCiphertext = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyIntegerWrapper randomCount = new javafx.beans.property.ReadOnlyIntegerWrapper(32);
    private final javafx.beans.property.ReadOnlyStringWrapper randomBytes = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyStringWrapper status = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<LabError> error = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    // Key lists load on worker threads and may finish out of order; only the newest one is shown.
    private int loads;
    // The key (ARN) the blob on screen was made under: when that key is deleted the blob and its messages go too.
    private String blobKeyArn;

    public PlaygroundViewModel(KeyLabSession session) {
        this.session = session;
        context.add(new ContextEntry("purpose", "lab"));
        ciphertext.addListener((obs, was, now) -> {
            ciphertextBase64.set(now == null ? "" : Base64.getEncoder().encodeToString(now));
            segments.setAll(now == null ? List.of() : BlobSegments.of(now));
        });
        session.revisionProperty().addListener((obs, was, now) -> loadKeyChoices());
        // An error belongs to the key that produced it; choosing another key clears it.
        keyId.addListener((obs, was, now) -> error.set(null));
        loadKeyChoices();
    }

    private void loadKeyChoices() {
        if (session.engine() == null) {
            return;
        }
        String selected = session.selectedKeyIdProperty().get();
        int load = ++loads;
        session.call(engine -> {
            List<String> choices = new ArrayList<>();
            String preferred = selected;
            for (AliasListEntry a : engine.listAliases(session.caller(), new ListAliasesRequest(null, 100, null))
                    .aliases()) {
                if (a.targetKeyId() != null) {
                    choices.add(a.aliasName());
                    if (a.targetKeyId().equals(selected) && preferred.equals(selected)) {
                        preferred = a.aliasName(); // learners recognise an alias sooner than an id
                    }
                }
            }
            List<String> arns = new ArrayList<>();
            for (KeyListEntry k : engine.listKeys(session.caller(), new ListKeysRequest(1000, null)).keys()) {
                choices.add(k.keyId());
                arns.add(k.keyArn());
            }
            return new Choices(choices, preferred != null && choices.contains(preferred) ? preferred
                    : choices.isEmpty() ? "" : choices.get(0), arns);
        }, loaded -> {
            if (load != loads) {
                return;
            }
            String chosen = keyId.get();
            keyChoices.setAll(loaded.all());
            boolean blobOrphaned = blobKeyArn != null && !loaded.keyArns().contains(blobKeyArn)
                    && !loaded.all().contains(blobKeyArn);
            // A typed ARN is not among the choices; only a chosen alias or id that vanished counts as gone.
            boolean chosenGone = chosen != null && !chosen.isBlank() && !chosen.startsWith("arn:")
                    && !loaded.all().contains(chosen.trim());
            if (blobOrphaned) {
                dropBlob();
            }
            if (chosen == null || chosen.isBlank() || chosenGone) {
                keyId.set(loaded.preferred());
            } else if (!chosen.equals(keyId.get())) {
                // Replacing a chooser's items can clear the value bound to this field (the combo box drops its
                // selection while the list changes); a choice that still exists is put back.
                keyId.set(chosen);
            }
            if (blobOrphaned || chosenGone) {
                error.set(null);
                status.set((chosenGone ? chosen.trim() : "The key of the ciphertext") + " was deleted"
                        + (blobOrphaned ? ": its ciphertext can never be decrypted again, so it was cleared." : "."));
            }
        }, e -> { });
    }

    private void dropBlob() {
        blobKeyArn = null;
        flipped.set(-1);
        ciphertext.set(null);
        decrypted.set("");
    }

    private record Choices(List<String> all, String preferred, List<String> keyArns) {
    }

    /** The key as typed or picked, trimmed; empty if none. */
    public String currentKey() {
        return keyId.get() == null ? "" : keyId.get().trim();
    }

    /** The context as entered; rows with an empty key are ignored. */
    public Map<String, String> contextMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (ContextEntry e : context) {
            if (!e.keyProperty().get().isBlank()) {
                map.put(e.keyProperty().get().trim(), e.valueProperty().get());
            }
        }
        return map;
    }

    public void addContextRow() {
        context.add(new ContextEntry("", ""));
    }

    public void encrypt() {
        String key = currentKey();
        byte[] bytes = plaintext.get().getBytes(StandardCharsets.UTF_8);
        Map<String, String> ctx = contextMap();
        session.call(engine -> engine.encrypt(session.caller(), EncryptRequest.of(key, bytes, ctx)), r -> {
            blobKeyArn = r.keyId();
            flipped.set(-1);
            ciphertext.set(r.ciphertextBlob());
            decrypted.set("");
            done("Encrypted " + bytes.length + " bytes under " + LabFormat.shortId(r.keyId()) + " into a "
                    + r.ciphertextBlob().length + "-byte blob.");
        }, this::failed);
    }

    public void decrypt() {
        byte[] blob = ciphertext.get();
        if (blob == null) {
            return;
        }
        Map<String, String> ctx = contextMap();
        session.call(engine -> {
            DecryptResult r = engine.decrypt(session.caller(), DecryptRequest.of(blob, ctx));
            String text = new String(r.plaintext(), StandardCharsets.UTF_8);
            r.destroyPlaintext();
            return new String[] {text, r.keyId()};
        }, r -> {
            decrypted.set(r[0]);
            done("Decrypted with " + LabFormat.shortId(r[1]) + ": no KeyId was needed, the blob names its key.");
        }, e -> {
            decrypted.set("");
            failed(e);
        });
    }

    /** Flips the lowest bit of one byte of the ciphertext, as storage corruption or an attacker might. */
    public void flipByte(int position) {
        byte[] blob = ciphertext.get();
        if (blob == null || position < 0 || position >= blob.length) {
            return;
        }
        byte[] changed = blob.clone();
        changed[position] ^= 0x01;
        flipped.set(position);
        ciphertext.set(changed);
        decrypted.set("");
        done("Flipped one bit of byte " + position + ". Now decrypt it.");
    }

    /** Takes a ciphertext pasted as base64 (a lab hands some out), to decrypt or re-encrypt it. */
    public void useCiphertext(String base64) {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            failed(new LabError("InvalidBase64", "The pasted text is not base64.",
                    "Paste the ciphertext blob exactly as it was copied."));
            return;
        }
        if (blob.length == 0) {
            return;
        }
        flipped.set(-1);
        ciphertext.set(blob);
        decrypted.set("");
        done("Using the pasted ciphertext (" + blob.length + " bytes): decrypt it or re-encrypt it.");
    }

    /** ReEncrypt the current blob under the destination key, with the same context on both sides. */
    public void reEncrypt() {
        byte[] blob = ciphertext.get();
        String target = reEncryptTarget.get() == null ? "" : reEncryptTarget.get().trim();
        if (blob == null || target.isEmpty()) {
            return;
        }
        Map<String, String> ctx = contextMap();
        session.call(engine -> engine.reEncrypt(session.caller(), ReEncryptRequest.of(blob, ctx, target, ctx)),
                (ReEncryptResult r) -> {
                    blobKeyArn = r.keyId();
                    flipped.set(-1);
                    ciphertext.set(r.ciphertextBlob());
                    done("Re-encrypted from " + LabFormat.shortId(r.sourceKeyId()) + " to "
                            + LabFormat.shortId(r.keyId()) + " inside KMS: the plaintext never left the service.");
                }, this::failed);
    }

    public void generateDataKey() {
        String key = currentKey();
        Map<String, String> ctx = contextMap();
        session.call(engine -> {
            GenerateDataKeyResult r = engine.generateDataKey(session.caller(), GenerateDataKeyRequest.aes256(key, ctx));
            String[] out = {Base64.getEncoder().encodeToString(r.plaintext()),
                    Base64.getEncoder().encodeToString(r.ciphertextBlob())};
            r.destroyPlaintext();
            return out;
        }, r -> {
            dataKeyPlaintext.set(r[0]);
            dataKeyCiphertext.set(r[1]);
            done("Generated a 256-bit data key: use the plaintext once and forget it; store the encrypted copy.");
        }, this::failed);
    }

    public void generateRandom() {
        int n = randomCount.get();
        session.call(engine -> {
            GenerateRandomResult r = engine.generateRandom(session.caller(), new GenerateRandomRequest(n));
            String hex = LabFormat.hex(r.plaintext());
            r.destroyPlaintext();
            return hex;
        }, hex -> {
            randomBytes.set(hex);
            done("Generated " + n + " random bytes.");
        }, this::failed);
    }

    private void done(String message) {
        error.set(null);
        status.set(message);
    }

    private void failed(LabError e) {
        status.set("");
        error.set(e);
    }

    // ---- properties ----

    public ObservableList<String> keyChoices() {
        return keyChoices;
    }

    /** Key id, key ARN, alias name or alias ARN. */
    public StringProperty keyIdProperty() {
        return keyId;
    }

    public ObservableList<ContextEntry> context() {
        return context;
    }

    public StringProperty plaintextProperty() {
        return plaintext;
    }

    public ReadOnlyObjectProperty<byte[]> ciphertextProperty() {
        return ciphertext.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ciphertextBase64Property() {
        return ciphertextBase64.getReadOnlyProperty();
    }

    public ObservableList<BlobSegments.Segment> segments() {
        return segments;
    }

    /** The position flipped last, or -1. */
    public javafx.beans.property.ReadOnlyIntegerProperty flippedProperty() {
        return flipped.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty decryptedProperty() {
        return decrypted.getReadOnlyProperty();
    }

    public StringProperty reEncryptTargetProperty() {
        return reEncryptTarget;
    }

    public ReadOnlyStringProperty dataKeyPlaintextProperty() {
        return dataKeyPlaintext.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataKeyCiphertextProperty() {
        return dataKeyCiphertext.getReadOnlyProperty();
    }

    /** 1 to 1024. */
    public javafx.beans.property.ReadOnlyIntegerProperty randomCountProperty() {
        return randomCount.getReadOnlyProperty();
    }

    /** Bytes GenerateRandom asks for. */
    public void setRandomCount(int value) {
        randomCount.set(value);
    }

    public ReadOnlyStringProperty randomBytesProperty() {
        return randomBytes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabError> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
