package dev.kmslab.ui.keylab.importing;

import dev.kmslab.engine.ImportWrapper;
import dev.kmslab.engine.model.AlgorithmSpec;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DeleteImportedKeyMaterialRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.ExpirationModelType;
import dev.kmslab.engine.model.GetParametersForImportRequest;
import dev.kmslab.engine.model.GetParametersForImportResult;
import dev.kmslab.engine.model.ImportKeyMaterialRequest;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.WrappingKeySpec;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabError;
import dev.kmslab.ui.keylab.common.LabFormat;
import dev.kmslab.ui.keylab.common.ByteText;
import dev.kmslab.ui.keylab.common.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
 * Bring your own key, step by step, for a symmetric key with Origin EXTERNAL: GetParametersForImport, 32 bytes of key
 * material made (or pasted) here and wrapped with {@link ImportWrapper} as a client would, ImportKeyMaterial with an
 * expiration model, then a test Encrypt/Decrypt and DeleteImportedKeyMaterial. Every KMS call runs as the current
 * principal; the wrapping runs locally, off the UI thread.
 */
public final class ImportWizardModel {

    /** AWS no longer accepts RSAES_PKCS1_V1_5 for imports, so it is not offered. */
    public static final List<AlgorithmSpec> ALGORITHMS = List.of(AlgorithmSpec.RSAES_OAEP_SHA_256,
            AlgorithmSpec.RSAES_OAEP_SHA_1, AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256,
            AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_1);
    public static final int MATERIAL_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyLabSession session;
    private final Outcome outcome = new Outcome();
    private final javafx.beans.property.ReadOnlyObjectWrapper<ImportStep> step = new javafx.beans.property.ReadOnlyObjectWrapper<>(ImportStep.PARAMETERS);
    private final ObservableList<String> keys = FXCollections.observableArrayList();
    private final StringProperty keyId = new SimpleStringProperty("");
    private final javafx.beans.property.ReadOnlyStringWrapper keyState = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final ObjectProperty<AlgorithmSpec> algorithm = new SimpleObjectProperty<>(ALGORITHMS.get(0));
    private final ObjectProperty<WrappingKeySpec> wrappingSpec = new SimpleObjectProperty<>(WrappingKeySpec.RSA_2048);
    private final javafx.beans.property.ReadOnlyObjectWrapper<GetParametersForImportResult> parameters = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyStringWrapper wrappingKeyPem = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyStringWrapper tokenExpiry = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final StringProperty materialHex = new SimpleStringProperty("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<byte[]> wrapped = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ObjectProperty<ExpirationModelType> expirationModel =
            new SimpleObjectProperty<>(ExpirationModelType.KEY_MATERIAL_EXPIRES);
    private final javafx.beans.property.ReadOnlyIntegerWrapper validDays = new javafx.beans.property.ReadOnlyIntegerWrapper(30);
    private final javafx.beans.property.ReadOnlyStringWrapper importedMaterialId = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyStringWrapper testResult = new javafx.beans.property.ReadOnlyStringWrapper("");

    private final BooleanBinding canGoBack = Bindings.createBooleanBinding(() -> step.get().ordinal() > 0, step);
    private final BooleanBinding canGoNext = Bindings.createBooleanBinding(() -> switch (step.get()) {
        case PARAMETERS -> parameters.get() != null;
        case MATERIAL -> wrapped.get() != null;
        case IMPORT -> !importedMaterialId.get().isEmpty();
        case USE -> false;
    }, step, parameters, wrapped, importedMaterialId);

    private final dev.kmslab.ui.common.DialogService dialogs;

    /** For tests that never reach a dialog; asking for one fails. */
    public ImportWizardModel(KeyLabSession session) {
        this(session, dev.kmslab.ui.common.DialogService.none());
    }

    public ImportWizardModel(KeyLabSession session, dev.kmslab.ui.common.DialogService dialogs) {
        this.session = session;
        this.dialogs = dialogs;
        keyId.addListener((obs, was, now) -> {
            parameters.set(null);
            wrapped.set(null);
            importedMaterialId.set("");
            testResult.set("");
            refreshState();
        });
        // New wrapping parameters invalidate bytes wrapped with the old public key.
        parameters.addListener((obs, was, now) -> wrapped.set(null));
        loadKeys();
    }

    /** Lists EXTERNAL-origin symmetric keys the principal can describe, newest state included. */
    public void loadKeys() {
        session.call(engine -> engine.listKeys(session.caller(), new dev.kmslab.engine.model.ListKeysRequest(1000,
                null)).keys().stream().map(k -> {
                    try {
                        return engine.describeKey(session.caller(), new DescribeKeyRequest(k.keyId())).keyMetadata();
                    } catch (dev.kmslab.engine.error.KmsException denied) {
                        return null;
                    }
                }).filter(m -> m != null && m.origin() == OriginType.EXTERNAL
                        && m.keySpec() == KeySpec.SYMMETRIC_DEFAULT).map(KeyMetadata::keyId).toList(),
                ids -> {
                    keys.setAll(ids);
                    if ((keyId.get() == null || keyId.get().isEmpty() || !ids.contains(keyId.get()))
                            && !ids.isEmpty()) {
                        keyId.set(ids.get(0));
                    }
                }, outcome::failed);
    }

    /** Starts the wizard on this key (from the Keys tab). */
    public void useKey(String id) {
        keyId.set(id);
    }

    /** CreateKey with Origin EXTERNAL: a key without material, in state PendingImport. */
    public void createKey() {
        CreateKeyRequest request = new CreateKeyRequest("Imported key material (lab)", KeyUsage.ENCRYPT_DECRYPT,
                KeySpec.SYMMETRIC_DEFAULT, OriginType.EXTERNAL, null);
        session.mutate(engine -> engine.createKey(session.caller(), request).keyMetadata(), m -> {
            keys.add(m.keyId());
            keyId.set(m.keyId());
            outcome.done("Created " + LabFormat.shortId(m.keyId()) + " with Origin EXTERNAL: it is " + m.keyState()
                    + " and cannot be used until you import its key material.");
        }, outcome::failed);
    }

    public void refreshState() {
        String id = currentKey();
        if (id.isEmpty()) {
            keyState.set("");
            return;
        }
        session.call(engine -> engine.describeKey(session.caller(), new DescribeKeyRequest(id)).keyMetadata(),
                m -> keyState.set(describeState(m)), e -> keyState.set(""));
    }

    private static String describeState(KeyMetadata m) {
        String expiry = m.validTo() != null ? ", material expires " + LabFormat.dateTime(m.validTo())
                : m.expirationModel() == ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE ? ", material does not expire"
                : "";
        return m.keyState() + expiry;
    }

    // ---- step 1 ----

    public void getParameters() {
        String id = currentKey();
        if (id.isEmpty()) {
            return;
        }
        GetParametersForImportRequest request = new GetParametersForImportRequest(id, algorithm.get(),
                wrappingSpec.get());
        session.call(engine -> new Answer(engine.getParametersForImport(session.caller(), request), engine.now()),
                a -> {
                    parameters.set(a.result());
                    wrappingKeyPem.set(ByteText.pem("PUBLIC KEY", a.result().publicKey()));
                    tokenExpiry.set("Token and wrapping key valid until "
                            + LabFormat.seconds(a.result().parametersValidTo()) + " UTC (Key Lab time now "
                            + LabFormat.seconds(a.now()) + "): 24 hours.");
                    outcome.done("GetParametersForImport: a fresh " + request.wrappingKeySpec()
                            + " wrapping public key and a " + a.result().importToken().length
                            + "-byte import token that belong together.");
                }, outcome::failed);
    }

    private record Answer(GetParametersForImportResult result, Instant now) {
    }

    // ---- step 2 ----

    /** 32 random bytes made here, outside KMS, as your own key generator (an HSM, say) would. */
    public void generateMaterial() {
        byte[] material = new byte[MATERIAL_BYTES];
        RANDOM.nextBytes(material);
        materialHex.set(HexFormat.of().formatHex(material));
        Arrays.fill(material, (byte) 0);
        wrapped.set(null);
        outcome.done("Generated 256 bits of key material locally. Keep a copy: KMS cannot give it back, and only "
                + "the same material can be imported again.");
    }

    /** Wraps the material with the wrapping public key and algorithm of step 1, locally. */
    public void wrap() {
        GetParametersForImportResult p = parameters.get();
        if (p == null) {
            outcome.failed(new LabError("NoParameters", "Get the wrapping key and token first (step 1).",
                    "The material must be wrapped with the public key that came with the import token."));
            return;
        }
        byte[] material;
        try {
            material = HexFormat.of().parseHex(materialHex.get().replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            outcome.failed(new LabError("InvalidHex", "The key material is not hexadecimal.",
                    "Paste 64 hex digits (32 bytes) or generate the material."));
            return;
        }
        AlgorithmSpec alg = algorithm.get();
        session.executor().submit(() -> {
            try {
                return ImportWrapper.wrap(p.publicKey(), alg, material);
            } finally {
                Arrays.fill(material, (byte) 0);
            }
        }, bytes -> {
            wrapped.set(bytes);
            outcome.done("Wrapped " + (materialHex.get().replaceAll("\\s", "").length() / 2) + " bytes with "
                    + alg + " into " + bytes.length + " bytes: only KMS, holding the wrapping private key, can "
                    + "unwrap them.");
        }, e -> outcome.failed(LabError.of(e)));
    }

    // ---- step 3 ----

    public void importMaterial() {
        GetParametersForImportResult p = parameters.get();
        byte[] bytes = wrapped.get();
        String id = currentKey();
        if (p == null || bytes == null || id.isEmpty()) {
            return;
        }
        ExpirationModelType model = expirationModel.get();
        int days = validDays.get();
        session.mutate(engine -> {
            Instant validTo = model == ExpirationModelType.KEY_MATERIAL_EXPIRES
                    ? engine.now().plus(Duration.ofDays(days)) : null;
            return engine.importKeyMaterial(session.caller(), new ImportKeyMaterialRequest(id, p.importToken(),
                    bytes, validTo, model));
        }, r -> {
            importedMaterialId.set(r.keyMaterialId());
            refreshState();
            outcome.done("ImportKeyMaterial succeeded: key material id " + r.keyMaterialId().substring(0, 16)
                    + "…. The key can now be used.");
        }, e -> {
            refreshState();
            outcome.failed(e);
        });
    }

    /** Moves the Key Lab clock 25 hours ahead, past the import token's lifetime. */
    public void advanceClockPastToken() {
        session.mutate(engine -> engine.advanceClock(Duration.ofHours(25)), events -> {
            refreshState();
            outcome.done("The Key Lab clock moved 25 hours ahead: the import token has expired.");
        }, outcome::failed);
    }

    // ---- step 4 ----

    public void testEncryptDecrypt() {
        String id = currentKey();
        byte[] message = "imported key says hello".getBytes(StandardCharsets.UTF_8);
        session.call(engine -> {
            byte[] blob = engine.encrypt(session.caller(), EncryptRequest.of(id, message, null)).ciphertextBlob();
            var r = engine.decrypt(session.caller(), DecryptRequest.of(blob, null));
            String text = new String(r.plaintext(), StandardCharsets.UTF_8);
            r.destroyPlaintext();
            return text;
        }, text -> {
            testResult.set("Encrypt → Decrypt gave back: " + text);
            outcome.done("The key encrypts and decrypts with the material you imported.");
        }, e -> {
            testResult.set("");
            outcome.failed(e);
        });
    }

    /** Asks before DeleteImportedKeyMaterial; deletes only if the learner confirms. */
    public void askToDeleteMaterial() {
        dialogs.confirm(new dev.kmslab.ui.common.DialogService.Confirmation("Delete the imported key material?", "The key becomes "
                + "PendingImport at once. Data encrypted under it stays unreadable until you import the same "
                + "material again.", "Delete material"), this::deleteMaterial);
    }

    public void deleteMaterial() {
        String id = currentKey();
        session.mutate(engine -> engine.deleteImportedKeyMaterial(session.caller(),
                new DeleteImportedKeyMaterialRequest(id)), r -> {
                    refreshState();
                    testResult.set("");
                    outcome.done("Deleted the imported key material: the key is PendingImport and its "
                            + "ciphertexts cannot be decrypted until the SAME material is imported again.");
                }, outcome::failed);
    }

    // ---- navigation ----

    public BooleanBinding canGoBack() {
        return canGoBack;
    }

    /** Next opens once the page's call has succeeded: parameters fetched, material wrapped, material imported. */
    public BooleanBinding canGoNext() {
        return canGoNext;
    }

    public void next() {
        if (canGoNext().get()) {
            step.set(ImportStep.values()[step.get().ordinal() + 1]);
        }
    }

    public void back() {
        if (step.get().ordinal() > 0) {
            step.set(ImportStep.values()[step.get().ordinal() - 1]);
        }
    }

    private String currentKey() {
        return keyId.get() == null ? "" : keyId.get().trim();
    }

    // ---- properties ----

    public javafx.beans.property.ReadOnlyObjectProperty<ImportStep> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ObservableList<String> keys() {
        return keys;
    }

    public StringProperty keyIdProperty() {
        return keyId;
    }

    /** "PendingImport", "Enabled, material expires …". */
    public ReadOnlyStringProperty keyStateProperty() {
        return keyState.getReadOnlyProperty();
    }

    public ObjectProperty<AlgorithmSpec> algorithmProperty() {
        return algorithm;
    }

    public ObjectProperty<WrappingKeySpec> wrappingSpecProperty() {
        return wrappingSpec;
    }

    public ReadOnlyObjectProperty<GetParametersForImportResult> parametersProperty() {
        return parameters.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty wrappingKeyPemProperty() {
        return wrappingKeyPem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tokenExpiryProperty() {
        return tokenExpiry.getReadOnlyProperty();
    }

    /** The key material as 64 hex digits; editable, so a learner can paste their own. */
    public StringProperty materialHexProperty() {
        return materialHex;
    }

    public ReadOnlyObjectProperty<byte[]> wrappedProperty() {
        return wrapped.getReadOnlyProperty();
    }

    public ObjectProperty<ExpirationModelType> expirationModelProperty() {
        return expirationModel;
    }

    /** Days from the Key Lab's now to ValidTo (1–365) when the material expires. */
    public javafx.beans.property.ReadOnlyIntegerProperty validDaysProperty() {
        return validDays.getReadOnlyProperty();
    }

    /** Days from now to ValidTo, for KEY_MATERIAL_EXPIRES. */
    public void setValidDays(int value) {
        validDays.set(value);
    }

    public ReadOnlyStringProperty importedMaterialIdProperty() {
        return importedMaterialId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public Outcome outcome() {
        return outcome;
    }
}
