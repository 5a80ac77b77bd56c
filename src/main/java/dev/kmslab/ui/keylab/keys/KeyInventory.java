package dev.kmslab.ui.keylab.keys;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.model.AliasListEntry;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusResult;
import dev.kmslab.engine.model.KeyListEntry;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.ListAliasesRequest;
import dev.kmslab.engine.model.ListAliasesResult;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.engine.model.ListKeysResult;
import dev.kmslab.engine.model.ListResourceTagsRequest;
import dev.kmslab.engine.model.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads every key with its aliases, rotation status and tags, the way the AWS console builds its key list: ListKeys,
 * ListAliases, then DescribeKey, GetKeyRotationStatus and ListResourceTags per key. Runs on a worker thread.
 */
public final class KeyInventory {

    private KeyInventory() {
    }

    /** All keys, newest first. A call the key's state or the caller's rights refuse leaves that detail empty. */
    public static List<KeyRow> load(KmsEngine engine, CallerContext caller) {
        Map<String, List<String>> aliases = aliasesByKey(engine, caller);
        List<KeyRow> rows = new ArrayList<>();
        for (KeyListEntry entry : allKeys(engine, caller)) {
            KeyMetadata metadata;
            try {
                metadata = engine.describeKey(caller, new DescribeKeyRequest(entry.keyId())).keyMetadata();
            } catch (KmsException e) {
                continue; // deleted between ListKeys and DescribeKey, or not visible to this caller
            }
            GetKeyRotationStatusResult rotation = rotationStatus(engine, caller, entry.keyId());
            rows.add(new KeyRow(metadata, aliases.getOrDefault(entry.keyId(), List.of()),
                    rotation != null && rotation.keyRotationEnabled(),
                    rotation == null ? null : rotation.rotationPeriodInDays(),
                    rotation == null ? null : rotation.nextRotationDate(), tags(engine, caller, entry.keyId())));
        }
        rows.sort(Comparator.comparing((KeyRow r) -> r.metadata().creationDate()).reversed());
        return rows;
    }

    private static List<KeyListEntry> allKeys(KmsEngine engine, CallerContext caller) {
        List<KeyListEntry> keys = new ArrayList<>();
        String marker = null;
        do {
            ListKeysResult page = engine.listKeys(caller, new ListKeysRequest(1000, marker));
            keys.addAll(page.keys());
            marker = page.truncated() ? page.nextMarker() : null;
        } while (marker != null);
        return keys;
    }

    private static Map<String, List<String>> aliasesByKey(KmsEngine engine, CallerContext caller) {
        List<AliasListEntry> all = new ArrayList<>();
        String marker = null;
        do {
            ListAliasesResult page = engine.listAliases(caller, new ListAliasesRequest(null, 100, marker));
            all.addAll(page.aliases());
            marker = page.truncated() ? page.nextMarker() : null;
        } while (marker != null);
        return all.stream().filter(a -> a.targetKeyId() != null).collect(Collectors.groupingBy(
                AliasListEntry::targetKeyId, Collectors.mapping(AliasListEntry::aliasName, Collectors.toList())));
    }

    private static GetKeyRotationStatusResult rotationStatus(KmsEngine engine, CallerContext caller, String keyId) {
        try {
            return engine.getKeyRotationStatus(caller, new GetKeyRotationStatusRequest(keyId));
        } catch (KmsException e) {
            return null; // e.g. pending deletion: AWS refuses GetKeyRotationStatus in that state
        }
    }

    private static List<Tag> tags(KmsEngine engine, CallerContext caller, String keyId) {
        try {
            return engine.listResourceTags(caller, new ListResourceTagsRequest(keyId, null, null)).tags();
        } catch (KmsException e) {
            return List.of();
        }
    }
}
