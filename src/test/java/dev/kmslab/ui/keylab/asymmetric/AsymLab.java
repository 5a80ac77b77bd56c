package dev.kmslab.ui.keylab.asymmetric;

import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.ui.keylab.LabFixture;

/** A lab fixture with the tab's view-model, and keys of any spec created straight in the engine. */
final class AsymLab {

    final LabFixture lab = new LabFixture();
    final dev.kmslab.ui.common.ScriptedDialogs dialogs = new dev.kmslab.ui.common.ScriptedDialogs();
    final AsymmetricViewModel model = new AsymmetricViewModel(lab.session, dialogs);

    /** Creates the key, reloads the tab and picks it. */
    String key(KeySpec spec, KeyUsage usage) {
        String id = lab.engine.createKey(lab.root, new CreateKeyRequest(null, usage, spec, null, null)).keyMetadata()
                .keyId();
        lab.session.changed();
        model.select(id);
        return id;
    }

    String alias(String keyId, String alias) {
        lab.engine.createAlias(lab.root, new CreateAliasRequest(alias, keyId));
        lab.session.changed();
        return keyId;
    }
}
