package dev.kmslab.engine.core;

import dev.kmslab.engine.Validation;
import dev.kmslab.engine.error.NotFoundException;
import dev.kmslab.engine.state.AliasRecord;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;

/**
 * Turns a KeyId parameter into a key, accepting exactly the forms the operation allows, with AWS's NotFoundException
 * wording: "Key '&lt;arn&gt;' does not exist", "Alias &lt;alias arn&gt; is not found.", "Invalid keyId &lt;value&gt;".
 */
public final class KeyResolver {

    private KeyResolver() {
    }

    public static KeyRecord resolve(EngineState state, String member, String keyIdParam, KeyIdForms forms) {
        Validation.required(member, keyIdParam);
        Validation.length(member, keyIdParam.length(), 1, 2048);
        KeyRecord direct = state.keys().get(keyIdParam);
        if (direct != null) {
            return direct; // the common case: a plain key id, resolved without building any ARN
        }
        String keyArnPrefix = Arns.keyArnPrefix(state.account(), state.region());
        String aliasArnPrefix = Arns.aliasArnPrefix(state.account(), state.region());
        if (keyIdParam.startsWith("alias/") || keyIdParam.startsWith(aliasArnPrefix)) {
            if (forms != KeyIdForms.KEY_OR_ALIAS) {
                throw invalid(keyIdParam);
            }
            String aliasName = keyIdParam.startsWith("alias/") ? keyIdParam
                    : keyIdParam.substring(aliasArnPrefix.length() - "alias/".length());
            AliasRecord alias = state.aliases().get(aliasName);
            KeyRecord key = alias == null ? null : state.keys().get(alias.targetKeyId());
            if (key == null) {
                throw new NotFoundException("Alias " + Arns.aliasArn(state.account(), state.region(), aliasName)
                        + " is not found.");
            }
            return key;
        }
        String keyId;
        if (keyIdParam.startsWith(keyArnPrefix)) {
            keyId = keyIdParam.substring(keyArnPrefix.length());
        } else if (keyIdParam.startsWith("arn:")) {
            // Another account's or Region's key: each engine holds the keys of one account in one Region.
            throw invalid(keyIdParam);
        } else {
            keyId = keyIdParam;
        }
        KeyRecord key = state.keys().get(keyId);
        if (key != null) {
            return key;
        }
        if (Arns.looksLikeKeyId(keyId)) {
            throw notExist(Arns.keyArn(state.account(), state.region(), keyId));
        }
        throw invalid(keyIdParam);
    }

    public static NotFoundException notExist(String keyArn) {
        return new NotFoundException("Key '" + keyArn + "' does not exist");
    }

    private static NotFoundException invalid(String value) {
        return new NotFoundException("Invalid keyId " + value);
    }
}
