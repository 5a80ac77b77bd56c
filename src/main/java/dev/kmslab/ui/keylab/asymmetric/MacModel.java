package dev.kmslab.ui.keylab.asymmetric;

import dev.kmslab.engine.model.GenerateMacRequest;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.engine.model.VerifyMacRequest;
import dev.kmslab.ui.keylab.common.ByteText;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.Outcome;
import java.nio.charset.StandardCharsets;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** GenerateMac and VerifyMac with an HMAC key; the algorithm follows from the key spec (HMAC_256 → HMAC_SHA_256). */
public final class MacModel {

    private final KeyLabSession session;
    private final Outcome outcome = new Outcome();
    private final ObjectProperty<AsymKey> key = new SimpleObjectProperty<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<MacAlgorithmSpec> algorithm = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final StringProperty message = new SimpleStringProperty("session=42;user=alice");
    private final javafx.beans.property.ReadOnlyObjectWrapper<byte[]> mac = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ObjectProperty<ByteText.Encoding> encoding = new SimpleObjectProperty<>(ByteText.Encoding.HEX);
    private final javafx.beans.property.ReadOnlyStringWrapper verdict = new javafx.beans.property.ReadOnlyStringWrapper("");

    MacModel(KeyLabSession session) {
        this.session = session;
    }

    void setKey(AsymKey k) {
        key.set(k);
        algorithm.set(k == null || k.metadata().macAlgorithms().isEmpty() ? null
                : k.metadata().macAlgorithms().get(0));
        mac.set(null);
        verdict.set("");
        outcome.clear();
    }

    public void generate() {
        AsymKey k = key.get();
        if (k == null || algorithm.get() == null) {
            return;
        }
        byte[] bytes = message.get().getBytes(StandardCharsets.UTF_8);
        MacAlgorithmSpec alg = algorithm.get();
        session.call(engine -> engine.generateMac(session.caller(), new GenerateMacRequest(bytes, k.keyId(), alg)),
                r -> {
                    mac.set(r.mac());
                    verdict.set("");
                    outcome.done(alg + " tag of " + r.mac().length + " bytes. The same message and key always give "
                            + "the same tag.");
                }, outcome::failed);
    }

    public void verify() {
        AsymKey k = key.get();
        byte[] tag = mac.get();
        if (k == null || tag == null) {
            return;
        }
        byte[] bytes = message.get().getBytes(StandardCharsets.UTF_8);
        MacAlgorithmSpec alg = algorithm.get();
        session.call(engine -> engine.verifyMac(session.caller(), new VerifyMacRequest(bytes, k.keyId(), alg, tag)),
                r -> {
                    verdict.set("Valid");
                    outcome.done("VerifyMac: the tag matches; KMS recomputed it with the secret key.");
                }, e -> {
                    verdict.set("KMSInvalidMacException".equals(e.code()) ? "Invalid" : "");
                    outcome.failed(e);
                });
    }

    public void tamperMessage() {
        message.set(ByteText.tamperText(message.get()));
        verdict.set("");
        outcome.done("Changed one byte of the message. Verify the old tag against it.");
    }

    public void tamperMac() {
        if (mac.get() == null) {
            return;
        }
        mac.set(ByteText.flipMiddleByte(mac.get()));
        verdict.set("");
        outcome.done("Flipped one bit of the tag. Verify it now.");
    }

    public ReadOnlyObjectProperty<MacAlgorithmSpec> algorithmProperty() {
        return algorithm.getReadOnlyProperty();
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ReadOnlyObjectProperty<byte[]> macProperty() {
        return mac.getReadOnlyProperty();
    }

    public ObjectProperty<ByteText.Encoding> encodingProperty() {
        return encoding;
    }

    public StringBinding macTextProperty() {
        return Bindings.createStringBinding(() -> mac.get() == null ? "" : ByteText.format(mac.get(),
                encoding.get()), mac, encoding);
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public Outcome outcome() {
        return outcome;
    }
}
