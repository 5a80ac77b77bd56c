package dev.kmslab.ui.keylab.playground;

import dev.kmslab.engine.EngineDataKeyProvider;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.envelope.EnvelopeOptions;
import dev.kmslab.engine.esdk.MessageCrypto;
import dev.kmslab.engine.esdk.MessageFormat;
import dev.kmslab.engine.esdk.MessageLayout;
import dev.kmslab.engine.esdk.MessageResult;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabError;
import dev.kmslab.ui.keylab.common.LabFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Envelope encryption of whole files in the AWS Encryption SDK message format (through the official SDK, with the
 * engine as its KMS), on a worker thread, with progress and cancel. Files in KMS Lab's older envelope format still
 * decrypt, and say so. After each operation the encrypted file's fields are laid out for the byte view.
 * Output goes to a temporary file next to the target and is moved into place only when the operation succeeds, so
 * a failed or cancelled decryption never leaves unauthenticated plaintext behind.
 */
public final class FileEnvelopeViewModel {

    public static final String SUFFIX = ".encrypted";
    /** The suffix files of KMS Lab's older envelope format were given. */
    public static final String OLDER_SUFFIX = ".kmslab-envelope";

    private final KeyLabSession session;
    private final javafx.beans.property.ReadOnlyDoubleWrapper progress = new javafx.beans.property.ReadOnlyDoubleWrapper(0);
    private final javafx.beans.property.ReadOnlyBooleanWrapper running = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper status = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<LabError> error = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<MessageLayout> layout = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private volatile AtomicBoolean cancel = new AtomicBoolean();

    private final dev.kmslab.ui.common.DialogService dialogs;

    /** For tests that never reach a dialog; asking for one fails. */
    public FileEnvelopeViewModel(KeyLabSession session) {
        this(session, dev.kmslab.ui.common.DialogService.none());
    }

    public FileEnvelopeViewModel(KeyLabSession session, dev.kmslab.ui.common.DialogService dialogs) {
        this.session = session;
        this.dialogs = dialogs;
    }

    /** "Encrypt a file…": asks for the file, then where the envelope goes (beside it by default), and encrypts. */
    public void encryptFileAs(String keyId, Map<String, String> context) {
        dialogs.chooseFileToOpen(new dev.kmslab.ui.common.DialogService.FileRequest("File to encrypt", "", java.util.List.of()))
                .ifPresent(in -> dialogs.chooseFileToSave(new dev.kmslab.ui.common.DialogService.FileRequest("Save the encrypted file as",
                        encryptedName(in).getFileName().toString(), java.util.List.of(), in.getParent()))
                        .ifPresent(out -> encrypt(in, out, keyId, context)));
    }

    /** "Decrypt a file…": asks for the envelope, then where the plaintext goes (beside it by default), and decrypts. */
    public void decryptFileAs() {
        dialogs.chooseFileToOpen(new dev.kmslab.ui.common.DialogService.FileRequest("Encrypted file to decrypt", "", java.util.List.of(
                        new dev.kmslab.ui.common.DialogService.FileType("Encrypted files", "*" + SUFFIX),
                        new dev.kmslab.ui.common.DialogService.FileType("KMS Lab's older envelopes", "*" + OLDER_SUFFIX), new dev.kmslab.ui.common.DialogService.FileType("All files", "*"))))
                .ifPresent(in -> dialogs.chooseFileToSave(new dev.kmslab.ui.common.DialogService.FileRequest("Save the decrypted file as",
                        decryptedName(in).getFileName().toString(), java.util.List.of(), in.getParent()))
                        .ifPresent(out -> decrypt(in, out)));
    }

    /** Where an encrypted copy of {@code input} goes by default. */
    public static Path encryptedName(Path input) {
        return input.resolveSibling(input.getFileName() + SUFFIX);
    }

    /** Where the decryption of {@code input} goes by default: the name without the suffix, marked as decrypted. */
    public static Path decryptedName(Path input) {
        String name = input.getFileName().toString();
        String base = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length())
                : name.endsWith(OLDER_SUFFIX) ? name.substring(0, name.length() - OLDER_SUFFIX.length()) : name;
        int dot = base.lastIndexOf('.');
        String decrypted = dot > 0 ? base.substring(0, dot) + ".decrypted" + base.substring(dot) : base + ".decrypted";
        return input.resolveSibling(decrypted);
    }

    public void encrypt(Path input, Path output, String keyId, Map<String, String> context) {
        run("Encrypted", input, output, (engine, options, part) -> {
            try (InputStream in = Files.newInputStream(input); OutputStream out = Files.newOutputStream(part)) {
                return encryptor(engine).encrypt(in, out, keyId, context, options);
            }
        }, true);
    }

    public void decrypt(Path input, Path output) {
        run("Decrypted", input, output, (engine, options, part) -> {
            try (InputStream in = Files.newInputStream(input); OutputStream out = Files.newOutputStream(part)) {
                return encryptor(engine).decrypt(in, out, options);
            }
        }, false);
    }

    public void cancel() {
        cancel.set(true);
    }

    private MessageCrypto encryptor(KmsEngine engine) {
        return new MessageCrypto(new EngineDataKeyProvider(engine, session.caller()));
    }

    private interface Job {
        MessageResult run(KmsEngine engine, EnvelopeOptions options, Path part) throws IOException;
    }

    /** What a finished job hands to the UI thread: the result and the encrypted file's fields. */
    private record Done(MessageResult result, MessageLayout layout) {
    }

    private void run(String verb, Path input, Path target, Job job, boolean encrypting) {
        KmsEngine engine = session.engine();
        if (engine == null || running.get()) {
            return;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        cancel = cancelled;
        running.set(true);
        progress.set(0);
        error.set(null);
        status.set(verb.equals("Encrypted") ? "Encrypting…" : "Decrypting…");
        Supplier<Long> size = () -> {
            try {
                return Files.size(input);
            } catch (IOException e) {
                return -1L;
            }
        };
        session.executor().submit(() -> {
            long total = size.get();
            Path part = target.resolveSibling(target.getFileName() + ".part");
            EnvelopeOptions options = EnvelopeOptions.defaults().withTotalBytes(total).withCancellation(cancelled::get)
                    .withProgress((done, all) -> {
                        double p = all > 0 ? Math.min(1.0, (double) done / all) : -1;
                        session.uiThread().execute(() -> progress.set(p));
                    });
            try {
                MessageResult result = job.run(engine, options, part);
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Path message = encrypting ? target : input;
                try (InputStream in = Files.newInputStream(message)) {
                    return new Done(result, MessageLayout.read(in));
                }
            } finally {
                Files.deleteIfExists(part);
            }
        }, done -> {
            MessageResult result = done.result();
            running.set(false);
            progress.set(1);
            layout.set(done.layout());
            String frames = result.format() == MessageFormat.AWS_ENCRYPTION_SDK
                    ? " in " + done.layout().frames() + " frames" : "";
            status.set(verb + " " + result.plaintextBytes() + " bytes" + frames + " with a data key under "
                    + LabFormat.shortId(result.keyArn()) + " → " + target.getFileName() + " · "
                    + result.format().label());
            session.changed();
        }, e -> {
            running.set(false);
            progress.set(0);
            status.set("");
            error.set(LabError.of(e));
            session.changed();
        });
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The fields of the last file encrypted or decrypted, or null before the first. */
    public ReadOnlyObjectProperty<MessageLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabError> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
