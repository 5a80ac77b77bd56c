package dev.kmslab.server;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.engine.LabAccounts;
import dev.kmslab.server.json.JsonInput;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which engine answers a KMS request: the Region comes from the SigV4 credential scope; with several lab accounts,
 * the account is the one owning the key the request names, as in AWS, where a caller uses another account's key by
 * its ARN. The key is looked for in KeyId, SourceKeyId or TargetKeyId (as an ARN), then, for a ciphertext
 * without a KeyId, in the blob; otherwise the caller's own account answers (the home account for callers from
 * accounts the lab does not host).
 */
@FunctionalInterface
interface EngineRouter {

    KmsEngine engine(String region, String principalArn, JsonInput input);

    static EngineRouter byRegion(Function<String, KmsEngine> engines) {
        return (region, principalArn, input) -> engines.apply(region);
    }

    static EngineRouter byAccount(LabAccounts accounts) {
        return (region, principalArn, input) -> {
            String caller = accountOf(principalArn);
            for (String member : new String[] {"KeyId", "SourceKeyId", "TargetKeyId"}) {
                String named = input.string(member);
                if (named != null && named.startsWith("arn:")) {
                    Optional<KmsRegions> owner = accounts.find(accountOf(named));
                    if (owner.isPresent()) {
                        return owner.get().engine(region);
                    }
                }
            }
            if (input.string("KeyId") == null && input.string("SourceKeyId") == null
                    && input.string("CiphertextBlob") != null) {
                Optional<KmsEngine> holder = accounts.holderOfCiphertext(region, input.blob("CiphertextBlob"),
                        caller);
                if (holder.isPresent()) {
                    return holder.get();
                }
            }
            return accounts.find(caller).orElse(accounts.home()).engine(region);
        };
    }

    /** The account field of an ARN ({@code arn:aws:kms:us-east-1:<account>:key/...}), or "" when it has none. */
    private static String accountOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        return parts.length >= 5 ? parts[4] : "";
    }
}
