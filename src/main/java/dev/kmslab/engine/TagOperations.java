package dev.kmslab.engine;

import dev.kmslab.engine.error.TagException;
import dev.kmslab.engine.model.ListResourceTagsRequest;
import dev.kmslab.engine.model.ListResourceTagsResult;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.engine.state.KeyRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TagResource, UntagResource, ListResourceTags. Tag keys are 1–128 characters, values 0–256. */
final class TagOperations {

    static final int MAX_TAGS_PER_KEY = 50;

    private final EngineCore core;

    TagOperations(EngineCore core) {
        this.core = core;
    }

    void tagResource(Call call, String keyId, List<Tag> tags) {
        Validation.required("tags", tags);
        core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_ONLY, null, null);
            Map<String, String> merged = validatedTags(tags, key.tags());
            return new StateStore.Change<>(state.withKey(key.withTags(merged)), null);
        });
    }

    void untagResource(Call call, String keyId, List<String> tagKeys) {
        Validation.required("tagKeys", tagKeys);
        for (int i = 0; i < tagKeys.size(); i++) {
            String tagKey = Validation.required("tagKeys." + (i + 1) + ".member", tagKeys.get(i));
            Validation.length("tagKeys." + (i + 1) + ".member", tagKey.length(), 1, 128);
        }
        core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_ONLY, null, null);
            Map<String, String> remaining = new LinkedHashMap<>(key.tags());
            tagKeys.forEach(remaining::remove);
            return new StateStore.Change<>(state.withKey(key.withTags(remaining)), null);
        });
    }

    ListResourceTagsResult listResourceTags(Call call, ListResourceTagsRequest request) {
        KeyRecord key = core.keyFor(call, core.store.current(), "keyId", request.keyId(), KeyIdForms.KEY_ONLY,
                null, null);
        List<Tag> all = new ArrayList<>();
        key.tags().forEach((k, v) -> all.add(new Tag(k, v)));
        Pages.Page<Tag> page = Pages.slice("tags", all, request.limit(), 50, 50, request.marker());
        return new ListResourceTagsResult(page.items(), page.nextMarker(), page.truncated());
    }

    /** Checks each tag's lengths (naming the member as AWS does) and merges them over {@code existing}. */
    static Map<String, String> validatedTags(List<Tag> tags, Map<String, String> existing) {
        Map<String, String> merged = new LinkedHashMap<>(existing);
        if (tags == null) {
            return merged;
        }
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = Validation.required("tags." + (i + 1) + ".member", tags.get(i));
            String prefix = "tags." + (i + 1) + ".member.";
            Validation.required(prefix + "tagKey", tag.tagKey());
            Validation.length(prefix + "tagKey", tag.tagKey().length(), 1, 128);
            Validation.required(prefix + "tagValue", tag.tagValue());
            Validation.length(prefix + "tagValue", tag.tagValue().length(), 0, 256);
            if (tag.tagKey().startsWith("aws:")) {
                throw new TagException("Tag keys beginning with aws: are reserved for AWS.");
            }
            merged.put(tag.tagKey(), tag.tagValue());
        }
        if (merged.size() > MAX_TAGS_PER_KEY) {
            throw new TagException("A KMS key can have at most " + MAX_TAGS_PER_KEY + " tags.");
        }
        return merged;
    }
}
