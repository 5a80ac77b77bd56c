package dev.kmslab.ui.keylab.asymmetric;

import dev.kmslab.engine.model.GetPublicKeyRequest;
import dev.kmslab.engine.model.GetPublicKeyResult;
import dev.kmslab.io.AtomicFile;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** GetPublicKey: the PEM block, the spec, usage and algorithms it comes with, and an export to a .pem file. */
public final class PublicKeyModel {

    private final KeyLabSession session;
    private final Outcome outcome = new Outcome();
    private final ObjectProperty<AsymKey> key = new SimpleObjectProperty<>();
    private final javafx.beans.property.ReadOnlyStringWrapper pem = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyStringWrapper details = new javafx.beans.property.ReadOnlyStringWrapper("");

    private final dev.kmslab.ui.common.DialogService dialogs;

    PublicKeyModel(KeyLabSession session, dev.kmslab.ui.common.DialogService dialogs) {
        this.session = session;
        this.dialogs = dialogs;
    }

    void setKey(AsymKey k) {
        key.set(k);
        pem.set("");
        details.set("");
        outcome.clear();
    }

    public void fetch() {
        AsymKey k = key.get();
        if (k == null) {
            return;
        }
        session.call(engine -> engine.getPublicKey(session.caller(), new GetPublicKeyRequest(k.keyId())), r -> {
            pem.set(r.pem());
            details.set(describe(r));
            outcome.done("GetPublicKey returned " + r.publicKey().length + " bytes of DER SubjectPublicKeyInfo, "
                    + "shown as PEM. Anyone may hold this key: it only verifies, encrypts or agrees.");
        }, outcome::failed);
    }

    static String describe(GetPublicKeyResult r) {
        List<String> algorithms = new ArrayList<>();
        r.signingAlgorithms().forEach(a -> algorithms.add(a.name()));
        r.encryptionAlgorithms().forEach(a -> algorithms.add(a.name()));
        r.keyAgreementAlgorithms().forEach(a -> algorithms.add(a.name()));
        return "KeySpec " + r.keySpec() + " · KeyUsage " + r.keyUsage() + " · " + String.join(", ", algorithms);
    }

    /** Asks where to save the PEM shown ("Export .pem…") and writes it there. */
    public void exportAs() {
        if (pem.get().isEmpty()) {
            return;
        }
        dialogs.chooseFileToSave(new dev.kmslab.ui.common.DialogService.FileRequest("Save the public key as", suggestedFileName(),
                List.of(new dev.kmslab.ui.common.DialogService.FileType("PEM files", "*.pem")))).ifPresent(this::export);
    }

    /** Writes the PEM shown to {@code file}, atomically, in the background. */
    public void export(Path file) {
        String text = pem.get();
        if (text.isEmpty()) {
            return;
        }
        session.executor().submit(() -> {
            AtomicFile.write(file, text.getBytes(StandardCharsets.US_ASCII));
            return file;
        }, written -> outcome.done("Saved the public key to " + written.getFileName() + ". Try: openssl pkey "
                + "-pubin -in " + written.getFileName() + " -text -noout"), e -> outcome.failed(
                new dev.kmslab.ui.keylab.common.LabError("IOException", String.valueOf(e.getMessage()),
                        "The file could not be written; choose another folder.")));
    }

    /** A file name for the export: the alias's last part or the key id, with .pem. */
    public String suggestedFileName() {
        AsymKey k = key.get();
        if (k == null) {
            return "public-key.pem";
        }
        String name = k.alias().isEmpty() ? k.keyId() : k.alias().substring(k.alias().lastIndexOf('/') + 1);
        return name + "-public.pem";
    }

    public ReadOnlyStringProperty pemProperty() {
        return pem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public Outcome outcome() {
        return outcome;
    }
}
