package dev.kmslab.engine.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A question for the policy simulator: would {@code principalArn} be allowed to perform {@code action} (e.g.
 * {@code kms:Decrypt}) on {@code keyId} (key id, key ARN or alias; null for account-level actions such as
 * kms:CreateKey) with this encryption context, calling via {@code viaService} and presenting these grant tokens?
 * {@code conditionValues} adds or overrides request condition keys, e.g. {@code kms:EncryptionAlgorithm} or
 * {@code kms:GrantOperations} (a key may have several values).
 */
public record SimulationRequest(String principalArn, String action, String keyId,
                                Map<String, String> encryptionContext, Optional<String> viaService,
                                List<String> grantTokens, Map<String, List<String>> conditionValues) {

    public SimulationRequest {
        encryptionContext = encryptionContext == null ? Map.of() : Map.copyOf(encryptionContext);
        viaService = viaService == null ? Optional.empty() : viaService;
        grantTokens = grantTokens == null ? List.of() : List.copyOf(grantTokens);
        conditionValues = conditionValues == null ? Map.of() : Map.copyOf(conditionValues);
    }

    public static SimulationRequest of(String principalArn, String action, String keyId) {
        return new SimulationRequest(principalArn, action, keyId, Map.of(), Optional.empty(), List.of(), Map.of());
    }

    @Override
    public String toString() {
        return "SimulationRequest[principalArn=" + principalArn + ", action=" + action + ", keyId=" + keyId
                + ", encryptionContext=" + encryptionContext + ", viaService=" + viaService + ", grantTokens=<"
                + grantTokens.size() + " hidden>, conditionValues=" + conditionValues + "]";
    }
}
