package dev.kmslab.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.engine.cks.TokenSettings;
import dev.kmslab.engine.crypto.pkcs11.SlotSelector;
import dev.kmslab.engine.state.CustomKeyStoreRecord;
import dev.kmslab.engine.state.CustomKeyStores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * The {@code customKeyStores} member of the keystore document (absent in older documents: no stores).
 *
 * <pre>{@code
 * "customKeyStores": [                         // creation order
 *   { "id": "cks-<17 hex>", "name": "...", "creationDate": "<instant>",
 *     "moduleLibrary": "/usr/lib/softhsm/libsofthsm2.so",
 *     "slot": { "slotId": 123 } | { "slotListIndex": 0 } | { "tokenLabel": "kmslab" },
 *     "keyStorePassword": "<the token user PIN>",
 *     "keys": [ "<key id>", ... ] } ]         // KMS keys whose material is in this store's token
 * }</pre>
 *
 * The PIN is written into the document because the document is the sealed keystore (encrypted and authenticated at
 * rest by {@link SealedFileStorage}), like the raw key material beside it; see {@link CustomKeyStoreRecord}.
 */
final class CustomKeyStoreCodec {

    private CustomKeyStoreCodec() {
    }

    static void encode(ObjectNode root, CustomKeyStores stores) {
        ArrayNode array = root.putArray("customKeyStores");
        for (CustomKeyStoreRecord store : stores.stores().values()) {
            ObjectNode node = array.addObject();
            node.put("id", store.id());
            node.put("name", store.name());
            node.put("creationDate", store.creationDate().toString());
            node.put("moduleLibrary", store.token().library().toString());
            ObjectNode slot = node.putObject("slot");
            SlotSelector selector = store.token().slot();
            if (selector instanceof SlotSelector.SlotId) {
                slot.put("slotId", ((SlotSelector.SlotId) selector).id());
            } else if (selector instanceof SlotSelector.SlotListIndex) {
                slot.put("slotListIndex", ((SlotSelector.SlotListIndex) selector).index());
            } else {
                slot.put("tokenLabel", ((SlotSelector.TokenLabel) selector).label());
            }
            char[] password = store.password();
            node.put("keyStorePassword", new String(password));
            Arrays.fill(password, '\0');
            ArrayNode keys = node.putArray("keys");
            stores.keysIn(store.id()).forEach(keys::add);
        }
    }

    static CustomKeyStores decode(JsonNode root) {
        CustomKeyStores stores = CustomKeyStores.empty();
        for (JsonNode node : root.path("customKeyStores")) {
            JsonNode slot = node.path("slot");
            SlotSelector selector = slot.has("slotId") ? new SlotSelector.SlotId(slot.get("slotId").asLong())
                    : slot.has("slotListIndex") ? new SlotSelector.SlotListIndex(slot.get("slotListIndex").asInt())
                    : new SlotSelector.TokenLabel(slot.path("tokenLabel").asText());
            char[] password = node.path("keyStorePassword").asText().toCharArray();
            CustomKeyStoreRecord store = new CustomKeyStoreRecord(node.path("id").asText(),
                    node.path("name").asText(), new TokenSettings(Path.of(node.path("moduleLibrary").asText()),
                    selector), Instant.parse(node.path("creationDate").asText()), password);
            Arrays.fill(password, '\0');
            stores = stores.withStore(store);
            for (JsonNode key : node.path("keys")) {
                stores = stores.withKey(key.asText(), store.id());
            }
        }
        return stores;
    }
}
