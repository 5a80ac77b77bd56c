package dev.kmslab.engine.model;

import java.util.List;

/** TagResource; keyId is a key id or key ARN. Existing tag keys get the new value. */
public record TagResourceRequest(String keyId, List<Tag> tags) {
}
