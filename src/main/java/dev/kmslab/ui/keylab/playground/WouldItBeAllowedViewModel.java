package dev.kmslab.ui.keylab.playground;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.ReEncryptRequest;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * "Would this be allowed?": asks the engine with the DryRun parameter whether the principal the lab acts as may make
 * one of the Playground's calls with the Playground's key, context and ciphertext. The engine makes every check of
 * the real call and changes nothing; DryRunOperationException means yes, any other error is the answer no with the
 * reason (the same error the real call would give). The dry run appears in the audit log with {@code dryRun: true}.
 */
public final class WouldItBeAllowedViewModel {

    /** The Playground calls a dry run can test. */
    public enum Check {
        ENCRYPT("Encrypt"), DECRYPT("Decrypt"), GENERATE_DATA_KEY("GenerateDataKey"), RE_ENCRYPT("ReEncrypt");

        private final String operation;

        Check(String operation) {
            this.operation = operation;
        }

        public String operation() {
            return operation;
        }

        @Override
        public String toString() {
            return operation;
        }
    }

    /** The answer: null while none was asked for. */
    public enum Verdict { ALLOWED, DENIED }

    private final KeyLabSession session;
    private final PlaygroundViewModel playground;
    private final ObjectProperty<Check> check = new SimpleObjectProperty<>(Check.ENCRYPT);
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LabError> reason = new ReadOnlyObjectWrapper<>();
    private int asked;

    public WouldItBeAllowedViewModel(KeyLabSession session, PlaygroundViewModel playground) {
        this.session = session;
        this.playground = playground;
        check.addListener((obs, was, now) -> clear());
        session.callerProperty().addListener((obs, was, now) -> clear());
    }

    public List<Check> checks() {
        return List.of(Check.values());
    }

    /** Runs the chosen call as a dry run, as the principal the lab acts as. */
    public void ask() {
        CallerContext caller = session.caller();
        if (caller == null) {
            return;
        }
        Check what = check.get();
        Function<KmsEngine, Object> call = dryRun(what, caller.asDryRun());
        if (call == null) {
            verdict.set(null);
            reason.set(null);
            answer.set(what.operation() + " needs a ciphertext: encrypt something first.");
            return;
        }
        int question = ++asked;
        String who = caller.principalArn();
        String key = playground.currentKey();
        session.call(call, ignored -> { }, error -> {
            if (question != asked) {
                return;
            }
            if ("DryRunOperationException".equals(error.code())) {
                verdict.set(Verdict.ALLOWED);
                reason.set(null);
                answer.set("Yes: " + who + " may call " + what.operation() + describeKey(what, key)
                        + ". The dry run made every check and changed nothing.");
            } else {
                verdict.set(Verdict.DENIED);
                reason.set(error);
                answer.set("No: " + what.operation() + " as " + who + " would fail with " + error.code() + ".");
            }
            session.changed(); // the dry run is in the audit log now
        });
    }

    private Function<KmsEngine, Object> dryRun(Check what, CallerContext dry) {
        String key = playground.currentKey();
        Map<String, String> context = playground.contextMap();
        byte[] blob = playground.ciphertextProperty().get();
        switch (what) {
            case ENCRYPT:
                byte[] text = playground.plaintextProperty().get().getBytes(StandardCharsets.UTF_8);
                return engine -> engine.encrypt(dry, EncryptRequest.of(key, text, context));
            case GENERATE_DATA_KEY:
                return engine -> engine.generateDataKey(dry, GenerateDataKeyRequest.aes256(key, context));
            case DECRYPT:
                return blob == null ? null : engine -> engine.decrypt(dry, DecryptRequest.of(blob, context));
            case RE_ENCRYPT:
                String target = playground.reEncryptTargetProperty().get() == null || playground
                        .reEncryptTargetProperty().get().isBlank() ? key : playground.reEncryptTargetProperty().get()
                        .trim();
                return blob == null ? null
                        : engine -> engine.reEncrypt(dry, ReEncryptRequest.of(blob, context, target, context));
            default:
                throw new IllegalStateException(what.name());
        }
    }

    private static String describeKey(Check what, String key) {
        return what == Check.DECRYPT ? " on the ciphertext shown" : key.isEmpty() ? "" : " with " + key;
    }

    private void clear() {
        asked++;
        verdict.set(null);
        reason.set(null);
        answer.set("");
    }

    public ObjectProperty<Check> checkProperty() {
        return check;
    }

    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty answerProperty() {
        return answer.getReadOnlyProperty();
    }

    /** Why not: the error the real call would give; null when allowed or not asked. */
    public ReadOnlyObjectProperty<LabError> reasonProperty() {
        return reason.getReadOnlyProperty();
    }
}
