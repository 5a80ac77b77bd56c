package dev.kmslab.ui.keylab.asymmetric;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.model.AliasListEntry;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.KeyListEntry;
import dev.kmslab.engine.model.ListAliasesRequest;
import dev.kmslab.engine.model.ListKeysRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists the keys the current principal can describe, with their first alias. Runs on a worker thread. A key the
 * principal may not describe is left out rather than failing the whole list, as the console does.
 */
final class KeyCatalog {

    private KeyCatalog() {
    }

    static List<AsymKey> load(KmsEngine engine, CallerContext caller) {
        Map<String, String> aliases = new HashMap<>();
        try {
            for (AliasListEntry a : engine.listAliases(caller, new ListAliasesRequest(null, 100, null)).aliases()) {
                if (a.targetKeyId() != null) {
                    aliases.putIfAbsent(a.targetKeyId(), a.aliasName());
                }
            }
        } catch (KmsException denied) {
            // Without ListAliases the keys still appear, by id.
        }
        List<AsymKey> keys = new ArrayList<>();
        for (KeyListEntry k : engine.listKeys(caller, new ListKeysRequest(1000, null)).keys()) {
            try {
                keys.add(new AsymKey(engine.describeKey(caller, new DescribeKeyRequest(k.keyId())).keyMetadata(),
                        aliases.get(k.keyId())));
            } catch (KmsException denied) {
                // Not describable by this principal: not offered.
            }
        }
        return keys;
    }
}
