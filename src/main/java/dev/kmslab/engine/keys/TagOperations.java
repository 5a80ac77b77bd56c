package dev.kmslab.engine.keys;

import dev.kmslab.engine.core.Call;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.core.KeyIdForms;
import dev.kmslab.engine.core.NewKeyRules;
import dev.kmslab.engine.core.Pages;
import dev.kmslab.engine.core.StateStore;
import dev.kmslab.engine.Validation;
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
public final class TagOperations {


    private final EngineCore core;

    public TagOperations(EngineCore core) {
        this.core = core;
    }

    public void tagResource(Call call, String keyId, List<Tag> tags) {
        Validation.required("tags", tags);
        core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_ONLY, null, null);
            Map<String, String> merged = NewKeyRules.validatedTags(tags, key.tags());
            return new StateStore.Change<>(state.withKey(key.withTags(merged)), null);
        });
    }

    public void untagResource(Call call, String keyId, List<String> tagKeys) {
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

    public ListResourceTagsResult listResourceTags(Call call, ListResourceTagsRequest request) {
        KeyRecord key = core.keyFor(call, core.store.current(), "keyId", request.keyId(), KeyIdForms.KEY_ONLY,
                null, null);
        List<Tag> all = new ArrayList<>();
        key.tags().forEach((k, v) -> all.add(new Tag(k, v)));
        Pages.Page<Tag> page = Pages.slice("tags", all, request.limit(), 50, 50, request.marker());
        return new ListResourceTagsResult(page.items(), page.nextMarker(), page.truncated());
    }

}
