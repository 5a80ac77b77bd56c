package dev.kmslab.ui.keylab.asymmetric;

import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Asymmetric &amp; HMAC" tab: one key picker for asymmetric and HMAC keys, and a section per operation; which
 * sections show follows the picked key's usage. Data key pairs need a symmetric key instead, so they have their own.
 */
public final class AsymmetricViewModel {

    private final KeyLabSession session;
    private final ObservableList<AsymKey> keys = FXCollections.observableArrayList();
    private final ObjectProperty<AsymKey> selected = new SimpleObjectProperty<>();
    private final SignVerifyModel signVerify;
    private final PublicKeyModel publicKey;
    private final RsaCryptoModel rsa;
    private final MacModel mac;
    private final SharedSecretModel sharedSecret;
    private final DataKeyPairModel dataKeyPairs;
    // Key lists load on worker threads and may finish out of order; only the newest one is used.
    private int loads;
    private String appliedKeyId;
    private boolean reloading;

    /** For tests that never reach a dialog; asking for one fails. */
    public AsymmetricViewModel(KeyLabSession session) {
        this(session, dev.kmslab.ui.common.DialogService.none());
    }

    public AsymmetricViewModel(KeyLabSession session, dev.kmslab.ui.common.DialogService dialogs) {
        this.session = session;
        signVerify = new SignVerifyModel(session);
        publicKey = new PublicKeyModel(session, dialogs);
        rsa = new RsaCryptoModel(session);
        mac = new MacModel(session);
        sharedSecret = new SharedSecretModel(session);
        dataKeyPairs = new DataKeyPairModel(session);
        selected.addListener((obs, was, now) -> apply(now));
        session.revisionProperty().addListener((obs, was, now) -> reload());
        session.engineProperty().addListener((obs, was, now) -> reload());
        reload();
    }

    public void reload() {
        if (session.engine() == null) {
            return;
        }
        int load = ++loads;
        session.call(engine -> KeyCatalog.load(engine, session.caller()), all -> {
            if (load == loads) {
                show(all);
            }
        }, e -> { });
    }

    /**
     * Hands a newly picked key to the sections. A reload that keeps the same key (or a picker that briefly shows
     * nothing while its items are replaced) must not wipe a signature or ciphertext the learner is looking at.
     */
    private void apply(AsymKey now) {
        if (now == null ? reloading : now.keyId().equals(appliedKeyId)) {
            return;
        }
        appliedKeyId = now == null ? null : now.keyId();
        signVerify.setKey(now);
        publicKey.setKey(now);
        rsa.setKey(now);
        mac.setKey(now);
        sharedSecret.setKey(now);
    }

    private void show(List<AsymKey> all) {
        List<AsymKey> offered = all.stream().filter(k -> k.spec() != KeySpec.SYMMETRIC_DEFAULT).toList();
        String want = selected.get() != null ? selected.get().keyId() : session.selectedKeyIdProperty().get();
        reloading = true;
        try {
            if (!offered.equals(keys)) {
                keys.setAll(offered);
            }
        } finally {
            reloading = false;
        }
        dataKeyPairs.setWrappingKeys(all.stream().filter(k -> k.spec() == KeySpec.SYMMETRIC_DEFAULT
                && k.usage() == KeyUsage.ENCRYPT_DECRYPT).toList());
        AsymKey match = keys.stream().filter(k -> k.keyId().equals(want)).findFirst()
                .orElse(keys.isEmpty() ? null : keys.get(0));
        selected.set(match);
    }

    /** Picks a key by id (for example one just created); ignored when the list does not hold it. */
    public void select(String keyId) {
        keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst().ifPresent(selected::set);
    }

    public ObservableList<AsymKey> keys() {
        return keys;
    }

    public ObjectProperty<AsymKey> selectedProperty() {
        return selected;
    }

    public BooleanBinding signingKey() {
        return usageIs(KeyUsage.SIGN_VERIFY);
    }

    public BooleanBinding macKey() {
        return usageIs(KeyUsage.GENERATE_VERIFY_MAC);
    }

    public BooleanBinding agreementKey() {
        return usageIs(KeyUsage.KEY_AGREEMENT);
    }

    public BooleanBinding rsaEncryptionKey() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().isRsa()
                && selected.get().usage() == KeyUsage.ENCRYPT_DECRYPT, selected);
    }

    public BooleanBinding hasPublicKey() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().hasPublicKey(),
                selected);
    }

    private BooleanBinding usageIs(KeyUsage usage) {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().usage() == usage,
                selected);
    }

    public KeyLabSession session() {
        return session;
    }

    public SignVerifyModel signVerify() {
        return signVerify;
    }

    public PublicKeyModel publicKey() {
        return publicKey;
    }

    public RsaCryptoModel rsa() {
        return rsa;
    }

    public MacModel mac() {
        return mac;
    }

    public SharedSecretModel sharedSecret() {
        return sharedSecret;
    }

    public DataKeyPairModel dataKeyPairs() {
        return dataKeyPairs;
    }
}
