package dev.kmslab.engine.core;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.Validation;
import dev.kmslab.engine.error.MalformedPolicyDocumentException;
import dev.kmslab.engine.error.TagException;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.engine.policy.LockoutSafetyCheck;
import dev.kmslab.engine.policy.PolicyDocument;
import dev.kmslab.engine.state.AccessControl;
import dev.kmslab.engine.state.EngineState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a new key's description, tags and key policy must satisfy, wherever the key comes from: CreateKey,
 * ReplicateKey, TagResource and PutKeyPolicy share these rules, so they live here rather than in one of them.
 */
public final class NewKeyRules {

    public static final int MAX_DESCRIPTION = 8192;
    public static final int MAX_TAGS_PER_KEY = 50;

    private NewKeyRules() {
    }

    /** Checks each tag's lengths (naming the member as AWS does) and merges them over {@code existing}. */
    public static Map<String, String> validatedTags(List<Tag> tags, Map<String, String> existing) {
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

    /**
     * The lockout safety check of CreateKey and PutKeyPolicy: the caller, with its IAM policies, must still be allowed
     * kms:PutKeyPolicy under the new policy, unless the request bypasses the check.
     */
    public static void checkLockout(EngineState state, CallerContext caller, PolicyDocument policy, String keyArn,
                             String keyAccount, Instant now, boolean bypass) {
        if (bypass) {
            return;
        }
        AccessControl.Identity identity = state.access().identity(caller.principalArn());
        if (!identity.known()) {
            throw new MalformedPolicyDocumentException(LockoutSafetyCheck.MESSAGE);
        }
        LockoutSafetyCheck.check(policy, identity.principal(), identity.identityPolicies(), keyArn, keyAccount, now,
                false);
    }
}
