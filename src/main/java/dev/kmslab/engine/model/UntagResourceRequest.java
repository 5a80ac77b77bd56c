package dev.kmslab.engine.model;

import java.util.List;

/** UntagResource; keyId is a key id or key ARN. */
public record UntagResourceRequest(String keyId, List<String> tagKeys) {
}
