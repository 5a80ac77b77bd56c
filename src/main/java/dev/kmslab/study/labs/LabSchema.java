package dev.kmslab.study.labs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each operation and each check type takes: member names, whether they are required, and their kind. The
 * loader validates lab files against it, {@code content/labs/README.md} documents it, and the sandbox reads
 * arguments knowing they passed. One table, so that the three cannot drift apart silently.
 */
public final class LabSchema {

    /** The kind of a member's value. */
    public enum Kind {
        /** a non-blank string */
        TEXT,
        /** a whole number */
        INT,
        /** true or false */
        BOOL,
        /** an object of string values: an encryption context, tags */
        STRINGS,
        /** a JSON object holding a key policy or an IAM policy */
        POLICY,
        /** an array of non-blank strings */
        LIST,
        /** a key: the name a key was given in the lab ({@code "name"} of CreateKey) or an alias {@code alias/...} */
        KEY,
        /** a principal: root, role/Name, user/Name, 444455556666:role/Name, a service such as s3.amazonaws.com */
        PRINCIPAL,
        /** grant constraints: {"encryptionContextSubset": {...}} or {"encryptionContextEquals": {...}} */
        CONSTRAINTS,
        /** one of a fixed set of words */
        CHOICE
    }

    /** One member: its kind, whether it is required, and for a CHOICE the words allowed. */
    public record Field(Kind kind, boolean required, List<String> choices) {
    }

    /** An operation or check type: its members in documentation order. */
    public record Spec(String name, Map<String, Field> fields, String doc) {

        public Optional<Field> field(String member) {
            return Optional.ofNullable(fields.get(member));
        }
    }

    /** Members every operation accepts besides its own. */
    public static final Map<String, Field> COMMON_OPERATION_FIELDS = fields(
            "op", req(Kind.TEXT), "as", opt(Kind.PRINCIPAL), "region", opt(Kind.TEXT), "viaService", opt(Kind.TEXT),
            "expectError", opt(Kind.TEXT));

    /** Members every check accepts besides its own. */
    public static final Map<String, Field> COMMON_CHECK_FIELDS = fields(
            "id", req(Kind.TEXT), "type", req(Kind.TEXT), "title", req(Kind.TEXT), "region", opt(Kind.TEXT));

    public static final Map<String, Spec> OPERATIONS = specs(
            spec("CreatePrincipal", "Creates an IAM role or user (and its account) for the lab.",
                    "principal", req(Kind.PRINCIPAL)),
            spec("AttachPolicy", "Attaches (or replaces) an inline IAM policy on a role or user.",
                    "principal", req(Kind.PRINCIPAL), "policyName", req(Kind.TEXT), "policy", req(Kind.POLICY)),
            spec("DetachPolicy", "Removes an inline IAM policy from a role or user.",
                    "principal", req(Kind.PRINCIPAL), "policyName", req(Kind.TEXT)),
            spec("CreateCustomKeyStore", "Creates and connects a custom key store backed by the lab's simulated HSM.",
                    "store", req(Kind.TEXT)),
            spec("ConnectCustomKeyStore", "Connects a custom key store.", "store", req(Kind.TEXT)),
            spec("DisconnectCustomKeyStore", "Disconnects a custom key store.", "store", req(Kind.TEXT)),
            spec("CreateKey", "Creates a key the lab refers to by its name; aliases, tags, rotation and imported "
                            + "material are set up with it.",
                    "name", req(Kind.TEXT), "description", opt(Kind.TEXT), "keySpec", opt(Kind.TEXT),
                    "keyUsage", opt(Kind.TEXT), "origin", opt(Kind.CHOICE, "AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM"),
                    "multiRegion", opt(Kind.BOOL), "policy", opt(Kind.POLICY), "customKeyStore", opt(Kind.TEXT),
                    "aliases", opt(Kind.LIST), "tags", opt(Kind.STRINGS), "rotationPeriodDays", opt(Kind.INT),
                    "material", opt(Kind.TEXT), "expiresInDays", opt(Kind.INT)),
            spec("PutKeyPolicy", "Replaces the key policy.", "key", req(Kind.KEY), "policy", req(Kind.POLICY)),
            spec("CreateGrant", "Creates a grant; its name lets later operations and checks refer to it.",
                    "key", req(Kind.KEY), "grantee", req(Kind.PRINCIPAL), "operations", req(Kind.LIST),
                    "name", opt(Kind.TEXT), "retiring", opt(Kind.PRINCIPAL), "constraints", opt(Kind.CONSTRAINTS),
                    "grantTokens", opt(Kind.LIST)),
            spec("RetireGrant", "Retires a grant (as its retiring principal, grantee or the key's account).",
                    "key", req(Kind.KEY), "grant", req(Kind.TEXT)),
            spec("RevokeGrant", "Revokes a grant.", "key", req(Kind.KEY), "grant", req(Kind.TEXT)),
            spec("EnableKeyRotation", "Turns on automatic rotation.", "key", req(Kind.KEY),
                    "rotationPeriodDays", opt(Kind.INT)),
            spec("DisableKeyRotation", "Turns off automatic rotation.", "key", req(Kind.KEY)),
            spec("RotateKeyOnDemand", "Rotates the key material now.", "key", req(Kind.KEY)),
            spec("EnableKey", "Enables a disabled key.", "key", req(Kind.KEY)),
            spec("DisableKey", "Disables a key.", "key", req(Kind.KEY)),
            spec("ScheduleKeyDeletion", "Schedules deletion after a waiting period (7-30 days, default 30).",
                    "key", req(Kind.KEY), "pendingWindowInDays", opt(Kind.INT)),
            spec("CancelKeyDeletion", "Cancels a scheduled deletion (the key stays disabled).", "key", req(Kind.KEY)),
            spec("CreateAlias", "Creates an alias for a key.", "alias", req(Kind.TEXT), "key", req(Kind.KEY)),
            spec("UpdateAlias", "Points an alias at another key.", "alias", req(Kind.TEXT), "key", req(Kind.KEY)),
            spec("DeleteAlias", "Deletes an alias.", "alias", req(Kind.TEXT)),
            spec("TagResource", "Adds or replaces tags.", "key", req(Kind.KEY), "tags", req(Kind.STRINGS)),
            spec("UntagResource", "Removes tags.", "key", req(Kind.KEY), "tagKeys", req(Kind.LIST)),
            spec("UpdateKeyDescription", "Changes the description.", "key", req(Kind.KEY),
                    "description", req(Kind.TEXT)),
            spec("Encrypt", "Encrypts a short text; saveAs keeps the ciphertext for later operations and checks.",
                    "key", req(Kind.KEY), "plaintext", req(Kind.TEXT), "context", opt(Kind.STRINGS),
                    "saveAs", opt(Kind.TEXT), "grantTokens", opt(Kind.LIST)),
            spec("Decrypt", "Decrypts a saved ciphertext.", "ciphertext", req(Kind.TEXT),
                    "context", opt(Kind.STRINGS), "grantTokens", opt(Kind.LIST)),
            spec("ReEncrypt", "Re-encrypts a saved ciphertext under another key without exposing the plaintext.",
                    "ciphertext", req(Kind.TEXT), "destinationKey", req(Kind.KEY), "sourceContext", opt(Kind.STRINGS),
                    "destinationContext", opt(Kind.STRINGS), "saveAs", opt(Kind.TEXT)),
            spec("GenerateDataKey", "Generates an AES-256 data key; saveAs keeps its encrypted copy.",
                    "key", req(Kind.KEY), "context", opt(Kind.STRINGS), "saveAs", opt(Kind.TEXT),
                    "grantTokens", opt(Kind.LIST)),
            spec("Sign", "Signs a message (RAW); saveAs keeps the signature.", "key", req(Kind.KEY),
                    "message", req(Kind.TEXT), "algorithm", req(Kind.TEXT), "saveAs", opt(Kind.TEXT)),
            spec("Verify", "Verifies a saved signature in KMS.", "key", req(Kind.KEY), "message", req(Kind.TEXT),
                    "algorithm", req(Kind.TEXT), "signature", req(Kind.TEXT)),
            spec("GetPublicKey", "Downloads the public key of an asymmetric key.", "key", req(Kind.KEY)),
            spec("GenerateMac", "Computes an HMAC tag; saveAs keeps it.", "key", req(Kind.KEY),
                    "message", req(Kind.TEXT), "algorithm", req(Kind.TEXT), "saveAs", opt(Kind.TEXT)),
            spec("VerifyMac", "Verifies a saved HMAC tag.", "key", req(Kind.KEY), "message", req(Kind.TEXT),
                    "algorithm", req(Kind.TEXT), "mac", req(Kind.TEXT)),
            spec("ReplicateKey", "Replicates a multi-Region primary key into another Region.", "key", req(Kind.KEY),
                    "replicaRegion", req(Kind.TEXT)),
            spec("UpdatePrimaryRegion", "Makes the replica in another Region the primary key.", "key", req(Kind.KEY),
                    "primaryRegion", req(Kind.TEXT)),
            spec("ImportKeyMaterial", "Wraps the lab's named material and imports it (expiresInDays: material "
                    + "that expires; absent: does not expire).", "key", req(Kind.KEY), "material", req(Kind.TEXT),
                    "expiresInDays", opt(Kind.INT)),
            spec("DeleteImportedKeyMaterial", "Deletes the key's imported material at once.", "key", req(Kind.KEY)),
            spec("AdvanceClock", "Moves the sandbox's simulated clock forward (scheduled rotations, deletions "
                    + "and material expiry happen on the way).", "days", opt(Kind.INT), "hours", opt(Kind.INT)));

    public static final Map<String, Spec> CHECKS = specs(
            spec("access", "Asks the engine's policy evaluation whether the principal may call the action on the "
                            + "key (nothing is performed or audited); a failure names the deciding statement.",
                    "as", req(Kind.PRINCIPAL), "action", req(Kind.TEXT), "key", opt(Kind.KEY),
                    "expect", req(Kind.CHOICE, "allowed", "denied"), "context", opt(Kind.STRINGS),
                    "viaService", opt(Kind.TEXT), "grantTokens", opt(Kind.LIST)),
            spec("keyState", "The key is in this state (Enabled, Disabled, PendingDeletion, PendingImport...).",
                    "key", req(Kind.KEY), "state", req(Kind.TEXT)),
            spec("key", "The key's metadata has these values (each optional).", "key", req(Kind.KEY),
                    "description", opt(Kind.TEXT), "enabled", opt(Kind.BOOL), "tags", opt(Kind.STRINGS),
                    "aliases", opt(Kind.LIST), "multiRegion", opt(Kind.BOOL), "primaryRegion", opt(Kind.TEXT),
                    "replicaRegions", opt(Kind.LIST), "expirationModel", opt(Kind.TEXT), "origin", opt(Kind.TEXT),
                    "pendingDeletionWindowInDays", opt(Kind.INT), "exists", opt(Kind.BOOL)),
            spec("rotation", "Automatic rotation is on or off (with this period), and rotations happened.",
                    "key", req(Kind.KEY), "enabled", req(Kind.BOOL), "rotationPeriodDays", opt(Kind.INT),
                    "minOnDemandRotations", opt(Kind.INT), "minRotations", opt(Kind.INT)),
            spec("grant", "A grant for the grantee on the key is present (with these operations, retiring "
                            + "principal and constraints) or absent.", "key", req(Kind.KEY),
                    "grantee", req(Kind.PRINCIPAL), "expect", req(Kind.CHOICE, "present", "absent"),
                    "operations", opt(Kind.LIST), "retiring", opt(Kind.PRINCIPAL),
                    "constraints", opt(Kind.CONSTRAINTS)),
            spec("decrypt", "A saved ciphertext decrypts (or fails to) when the principal calls Decrypt.",
                    "ciphertext", req(Kind.TEXT), "as", opt(Kind.PRINCIPAL), "context", opt(Kind.STRINGS),
                    "expect", req(Kind.CHOICE, "decrypts", "fails"), "grantTokens", opt(Kind.LIST)),
            spec("audit", "The audit log holds (or does not hold) an event with this name and these details.",
                    "event", req(Kind.TEXT), "as", opt(Kind.PRINCIPAL), "key", opt(Kind.KEY),
                    "destinationKey", opt(Kind.KEY), "outcome", opt(Kind.CHOICE, "success", "error", "any"),
                    "context", opt(Kind.STRINGS), "expect", opt(Kind.CHOICE, "present", "absent")),
            spec("signature", "A saved signature verifies (or not) offline with the key's public key, as a "
                            + "client without KMS access would.", "key", req(Kind.KEY), "message", req(Kind.TEXT),
                    "algorithm", req(Kind.TEXT), "signature", req(Kind.TEXT),
                    "expect", req(Kind.CHOICE, "valid", "invalid"), "as", opt(Kind.PRINCIPAL)),
            spec("customKeyStore", "The custom key store is in this connection state.", "store", req(Kind.TEXT),
                    "state", req(Kind.CHOICE, "CONNECTED", "DISCONNECTED", "CONNECTING", "FAILED")));

    private LabSchema() {
    }

    private static Field req(Kind kind, String... choices) {
        return new Field(kind, true, List.of(choices));
    }

    private static Field opt(Kind kind, String... choices) {
        return new Field(kind, false, List.of(choices));
    }

    private static Map<String, Field> fields(Object... pairs) {
        Map<String, Field> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Field) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static Spec spec(String name, String doc, Object... pairs) {
        return new Spec(name, fields(pairs), doc);
    }

    private static Map<String, Spec> specs(Spec... specs) {
        Map<String, Spec> out = new LinkedHashMap<>();
        for (Spec s : specs) {
            out.put(s.name(), s);
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
