package dev.kmslab.ui.keylab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.EngineDataKeyProvider;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.envelope.EnvelopeEncryptor;
import dev.kmslab.engine.envelope.EnvelopeOptions;
import dev.kmslab.engine.esdk.MessageFormat;
import dev.kmslab.engine.esdk.MessageLayout;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.LabFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class FileEnvelopeViewModelTest {

    @TempDir
    Path dir;

    private final LabFixture lab = new LabFixture();
    private final String key = lab.key("alias/files");

    private Path input(int size) throws Exception {
        byte[] data = new byte[size];
        new Random(7).nextBytes(data);
        return Files.write(dir.resolve("data.bin"), data);
    }

    @Test
    void encryptThenDecrypt_restoresTheFile_throughTheEngine() throws Exception {
        Path in = input(200_000);
        dev.kmslab.ui.common.ScriptedDialogs dialogs = new dev.kmslab.ui.common.ScriptedDialogs();
        FileEnvelopeViewModel files = new FileEnvelopeViewModel(lab.session, dialogs);
        Path enc = FileEnvelopeViewModel.encryptedName(in);
        dialogs.willChoose(in).willChoose(enc);
        files.encryptFileAs("alias/files", Map.of("file", "data.bin"));
        assertThat(dialogs.fileRequests().get(1).initialName()).isEqualTo("data.bin.encrypted");
        assertThat(dialogs.fileRequests().get(1).folder()).isEqualTo(dir);
        assertThat(files.errorProperty().get()).isNull();
        assertThat(files.progressProperty().get()).isEqualTo(1.0);
        // 200000 bytes in 64 KiB frames: three regular frames and a final one.
        assertThat(files.statusProperty().get()).startsWith("Encrypted 200000 bytes in 4 frames")
                .endsWith("→ data.bin.encrypted · AWS Encryption SDK message");
        MessageLayout layout = files.layoutProperty().get();
        assertThat(layout.format()).isEqualTo(MessageFormat.AWS_ENCRYPTION_SDK);
        assertThat(layout.complete()).isTrue();
        assertThat(layout.fields()).filteredOn(f -> f.name().equals("Key provider information"))
                .extracting(MessageLayout.Field::value).singleElement().asString().endsWith(key);
        Path out = FileEnvelopeViewModel.decryptedName(enc);
        assertThat(out.getFileName().toString()).isEqualTo("data.decrypted.bin");
        dialogs.willChoose(enc).willChoose(out);
        files.decryptFileAs();
        assertThat(dialogs.fileRequests()).extracting(r -> r.title()).containsExactly("File to encrypt",
                "Save the encrypted file as", "Encrypted file to decrypt", "Save the decrypted file as");
        assertThat(dialogs.fileRequests().get(3).initialName()).isEqualTo("data.decrypted.bin");
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(in));
        assertThat(lab.engine.auditLog().all()).extracting(AuditEvent::eventName)
                .contains("GenerateDataKey", "Decrypt");
        assertThat(lab.engine.auditLog().all().stream().filter(e -> e.eventName().equals("GenerateDataKey"))
                .findFirst().orElseThrow().keyArn()).endsWith(key);
    }

    @Test
    void aFileOfTheOlderFormat_stillDecrypts_andIsLabelledAsSuch() throws Exception {
        Path in = input(100_000);
        Path old = dir.resolve("data.bin" + FileEnvelopeViewModel.OLDER_SUFFIX);
        try (var from = Files.newInputStream(in); var to = Files.newOutputStream(old)) {
            new EnvelopeEncryptor(new EngineDataKeyProvider(lab.engine, lab.session.caller())).encrypt(from, to,
                    "alias/files", Map.of("file", "data.bin"), EnvelopeOptions.defaults());
        }
        Path out = FileEnvelopeViewModel.decryptedName(old);
        assertThat(out.getFileName().toString()).isEqualTo("data.decrypted.bin");
        FileEnvelopeViewModel files = new FileEnvelopeViewModel(lab.session);
        files.decrypt(old, out);
        assertThat(files.errorProperty().get()).isNull();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(in));
        assertThat(files.statusProperty().get()).startsWith("Decrypted 100000 bytes with a data key under")
                .endsWith("· KMS Lab envelope v1 (older format)");
        assertThat(files.layoutProperty().get().format()).isEqualTo(MessageFormat.KMS_LAB_ENVELOPE_V1);
    }

    @Test
    void aTamperedEnvelope_failsAndLeavesNoOutput() throws Exception {
        Path in = input(1000);
        FileEnvelopeViewModel files = new FileEnvelopeViewModel(lab.session);
        Path enc = FileEnvelopeViewModel.encryptedName(in);
        files.encrypt(in, enc, "alias/files", Map.of());
        byte[] bytes = Files.readAllBytes(enc);
        bytes[bytes.length - 5] ^= 1;
        Files.write(enc, bytes);
        Path out = dir.resolve("out.bin");
        files.decrypt(enc, out);
        assertThat(files.errorProperty().get().code()).isEqualTo("InvalidCiphertextException");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("out.bin.part")).doesNotExist();
    }

    @Test
    void cancelling_stopsWithCancellation_andLeavesNoOutput() throws Exception {
        Path in = input(300_000);
        FileEnvelopeViewModel[] holder = new FileEnvelopeViewModel[1];
        // An executor that presses Cancel just as the work starts, as a learner might.
        UiExecutor cancelFirst = new UiExecutor() {
            @Override
            public <T> void submit(Callable<T> task, Consumer<? super T> ok, Consumer<? super Exception> err) {
                holder[0].cancel();
                UiExecutor.synchronous().submit(task, ok, err);
            }
        };
        KeyLabSession session = KeyLabSession.of(lab.engine, cancelFirst);
        holder[0] = new FileEnvelopeViewModel(session);
        Path enc = dir.resolve("cancelled" + FileEnvelopeViewModel.SUFFIX);
        holder[0].encrypt(in, enc, "alias/files", Map.of());
        assertThat(holder[0].errorProperty().get().code()).isEqualTo("CancellationException");
        assertThat(holder[0].runningProperty().get()).isFalse();
        assertThat(enc).doesNotExist();
    }
}
