package dev.kmslab.server.ops;

import dev.kmslab.engine.model.ListResourceTagsRequest;
import dev.kmslab.engine.model.ListResourceTagsResult;
import dev.kmslab.engine.model.TagResourceRequest;
import dev.kmslab.engine.model.UntagResourceRequest;
import dev.kmslab.server.json.JsonOutput;
import java.util.Map;

/** TagResource, UntagResource and ListResourceTags. */
final class TagEndpoints {

    private TagEndpoints() {
    }

    static void register(Map<String, Operation> table) {
        table.put("TagResource", (engine, caller, in, out) -> engine.tagResource(caller,
                new TagResourceRequest(in.requiredString("KeyId"), in.requiredTags("Tags"))));
        table.put("UntagResource", (engine, caller, in, out) -> engine.untagResource(caller,
                new UntagResourceRequest(in.requiredString("KeyId"), in.requiredStringList("TagKeys"))));
        table.put("ListResourceTags", (engine, caller, in, out) -> {
            ListResourceTagsResult page = engine.listResourceTags(caller, new ListResourceTagsRequest(
                    in.requiredString("KeyId"), in.integer("Limit"), in.string("Marker")));
            JsonOutput.tags(out, "Tags", page.tags());
            JsonOutput.page(out, page.nextMarker(), page.truncated());
        });
    }
}
