package dev.kmslab.engine.model;

import java.util.List;

/** ListKeyPolicies: always {@code ["default"]}, the only key policy name AWS KMS has. */
public record ListKeyPoliciesResult(List<String> policyNames, String nextMarker, boolean truncated) {
}
