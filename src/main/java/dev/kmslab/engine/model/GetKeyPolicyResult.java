package dev.kmslab.engine.model;

/** GetKeyPolicy: the policy text exactly as it was stored, and its name ({@code default}). */
public record GetKeyPolicyResult(String policy, String policyName) {
}
