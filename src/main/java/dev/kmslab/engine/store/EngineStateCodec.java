package dev.kmslab.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.engine.crypto.AesKeyMaterial;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.crypto.asymmetric.KeyMaterials;
import dev.kmslab.engine.model.ExpirationModelType;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.RotationType;
import dev.kmslab.engine.policy.Grant;
import dev.kmslab.engine.policy.GrantJson;
import dev.kmslab.engine.policy.PolicyDocument;
import dev.kmslab.engine.policy.PolicyParser;
import dev.kmslab.engine.policy.PrincipalDirectory;
import dev.kmslab.engine.state.AccessControl;
import dev.kmslab.engine.state.AliasRecord;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import dev.kmslab.engine.state.RotationSchedule;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keystore document: the engine's whole state as UTF-8 JSON. It contains raw key material, so a
 * {@link KeystoreStorage} must protect it at rest (the sealed file storage encrypts and authenticates it).
 *
 * <pre>{@code
 * {
 *   "format": "kmslab-keystore", "version": 1,
 *   "account": "111122223333", "region": "us-east-1",
 *   "keys": [                                   // creation order
 *     { "keyId": "<uuid>", "arn": "arn:aws:kms:...:key/<uuid>", "creationDate": "<ISO-8601 instant>",
 *       "description": "...", "keyUsage": "ENCRYPT_DECRYPT", "keySpec": "SYMMETRIC_DEFAULT", "origin": "AWS_KMS",
 *       "keyState": "Enabled",
 *       "deletionDate": null | "<instant>", "pendingWindowInDays": null | 7..30,
 *       "rotation": { "enabled": true, "periodInDays": 365, "nextRotationDate": null | "<instant>" },
 *       "onDemandRotations": 0,
 *       "tags": { "<tag key>": "<tag value>", ... },   // insertion order
 *       "policy": "<key policy JSON text, verbatim>",  // absent: the default key policy
 *       "versions": [                             // version 1 first; the last one encrypts
 *         { "version": 1, "keyMaterialId": null | "<64 hex>",  // null until imported material arrives
 *           "material": null | "<base64 of 32 bytes>",         // AES material of SYMMETRIC_DEFAULT keys
 *           "createdAt": "<instant>", "rotationType": null | "AUTOMATIC" | "ON_DEMAND",
 *           // optional members, absent in older documents and for keys that do not need them:
 *           "asymmetricMaterial": "<base64>",     // other specs: PKCS#8 PrivateKeyInfo DER, or the raw HMAC key
 *           "expirationModel": "KEY_MATERIAL_EXPIRES" | "KEY_MATERIAL_DOES_NOT_EXPIRE",  // imported material
 *           "validTo": "<instant>",               // when imported material expires
 *           "description": "...",                 // KeyMaterialDescription of imported material
 *           "pendingRotation": true } ] } ],      // imported as NEW_KEY_MATERIAL, not yet rotated in (last only)
 * // A version's one KeyMaterial is in "material" (AES) or in "asymmetricMaterial" (key pair, HMAC), never both.
 * // A version with neither is an EXTERNAL key's material that has not been imported yet, or that expired or was
 * // deleted (the key is then PendingImport), or an AWS_CLOUDHSM key's material, which lives in its custom key
 * // store's token.
 *   "aliases": [ { "aliasName": "alias/x", "targetKeyId": "<uuid>", "creationDate": "<instant>",
 *                  "lastUpdatedDate": "<instant>" } ],
 *   "deletedKeyIds": [ "<uuid>", ... ],         // keys whose deletion completed
 *   "grants": [ <GrantJson of each grant> ],    // absent: none; key order, then creation order
 *   "principals": <PrincipalDirectory.toJson()>, // absent: only the keystore's account and its root
 *   "importTokens": [ <ImportTokenJson> ],      // absent: none
 *   "replicaKeyIds": [ "mrk-...", ... ],        // multi-Region keys held here as replicas; absent: none
 *   "customKeyStores": [ ... ]                  // absent: none; see CustomKeyStoreCodec
 * }
 * }</pre>
 *
 * <p>The members marked "absent" (and each key's {@code policy}) were added after version 1 was first written;
 * documents without them still load, with the defaults given. Grants hold their grant tokens, and import tokens their wrapping
 * private keys, which is one more reason the document must stay protected.
 */
public final class EngineStateCodec {

    public static final String FORMAT = "kmslab-keystore";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineStateCodec() {
    }

    public static byte[] encode(EngineState state) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("account", state.account());
        root.put("region", state.region());
        ArrayNode keys = root.putArray("keys");
        for (KeyRecord key : state.keys().values()) {
            keys.add(encodeKey(key, state.access()));
        }
        ArrayNode aliases = root.putArray("aliases");
        for (AliasRecord alias : state.aliases().values()) {
            aliases.add(encodeAlias(alias));
        }
        ArrayNode deleted = root.putArray("deletedKeyIds");
        state.deletedKeyIds().forEach(deleted::add);
        ArrayNode grants = root.putArray("grants");
        state.access().everyGrant().forEach(g -> grants.add(GrantJson.toJson(g)));
        root.set("principals", state.access().directory().toJson());
        ImportTokenJson.encode(root.putArray("importTokens"), state.importTokens());
        if (!state.replicaKeyIds().isEmpty()) {
            ArrayNode replicas = root.putArray("replicaKeyIds");
            state.replicaKeyIds().forEach(replicas::add);
        }
        CustomKeyStoreCodec.encode(root, state.customKeyStores());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("could not serialise the keystore", e);
        }
    }

    /** One element of the {@code keys} array, with the key's policy from {@code access} when it has one. */
    static ObjectNode encodeKey(KeyRecord key, AccessControl access) {
        ObjectNode node = JSON.createObjectNode();
        node.put("keyId", key.keyId());
        node.put("arn", key.arn());
        node.put("creationDate", key.creationDate().toString());
        node.put("description", key.description());
        node.put("keyUsage", key.keyUsage().name());
        node.put("keySpec", key.keySpec().name());
        node.put("origin", key.origin().name());
        node.put("keyState", key.keyState().name());
        node.put("deletionDate", key.deletionDate() == null ? null : key.deletionDate().toString());
        node.put("pendingWindowInDays", key.pendingWindowDays());
        ObjectNode rotation = node.putObject("rotation");
        rotation.put("enabled", key.rotation().enabled());
        rotation.put("periodInDays", key.rotation().periodInDays());
        Instant next = key.rotation().nextRotationDate();
        rotation.put("nextRotationDate", next == null ? null : next.toString());
        node.put("onDemandRotations", key.onDemandRotations());
        ObjectNode tags = node.putObject("tags");
        key.tags().forEach(tags::put);
        PolicyDocument policy = access.keyPolicies().get(key.keyId());
        if (policy != null) {
            node.put("policy", policy.source());
        }
        ArrayNode versions = node.putArray("versions");
        for (KeyVersion v : key.versions()) {
            ObjectNode vn = versions.addObject();
            vn.put("version", v.version());
            vn.put("keyMaterialId", v.keyMaterialId());
            if (v.material() instanceof AesKeyMaterial aes) {
                vn.put("material", base64(aes));
            } else {
                vn.putNull("material");
            }
            vn.put("createdAt", v.createdAt().toString());
            vn.put("rotationType", v.rotationType() == null ? null : v.rotationType().name());
            encodeVersionExtras(vn, v);
        }
        return node;
    }

    /** One element of the {@code aliases} array. */
    static ObjectNode encodeAlias(AliasRecord alias) {
        ObjectNode node = JSON.createObjectNode();
        node.put("aliasName", alias.aliasName());
        node.put("targetKeyId", alias.targetKeyId());
        node.put("creationDate", alias.creationDate().toString());
        node.put("lastUpdatedDate", alias.lastUpdatedDate().toString());
        return node;
    }

    /** The members added for asymmetric, HMAC and imported keys; written only when set, so symmetric keys look as before. */
    private static void encodeVersionExtras(ObjectNode vn, KeyVersion v) {
        if (v.material() != null && !(v.material() instanceof AesKeyMaterial)) {
            // Key pairs and HMAC keys: the member they were given when they were added, after AES's "material".
            vn.put("asymmetricMaterial", base64(v.material()));
        }
        if (v.expirationModel() != null) {
            vn.put("expirationModel", v.expirationModel().name());
        }
        if (v.validTo() != null) {
            vn.put("validTo", v.validTo().toString());
        }
        if (v.description() != null) {
            vn.put("description", v.description());
        }
        if (v.pendingRotation()) {
            vn.put("pendingRotation", true);
        }
    }

    /** The material's stored encoding in Base64; the raw copy is wiped. */
    private static String base64(KeyMaterial material) {
        byte[] raw = material.encoded();
        try {
            return Base64.getEncoder().encodeToString(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Parses a document; any structural problem is an {@link IOException} naming what was wrong (never secrets). */
    public static EngineState decode(byte[] document) throws IOException {
        JsonNode root = JSON.readTree(document);
        if (root == null || !FORMAT.equals(text(root, "format")) || root.path("version").asInt() != VERSION) {
            throw new IOException("not a version " + VERSION + " " + FORMAT + " document");
        }
        try {
            Map<String, KeyRecord> keys = new LinkedHashMap<>();
            for (JsonNode node : root.path("keys")) {
                KeyRecord key = decodeKey(node, text(root, "account"));
                keys.put(key.keyId(), key);
            }
            Map<String, AliasRecord> aliases = new LinkedHashMap<>();
            for (JsonNode node : root.path("aliases")) {
                AliasRecord alias = new AliasRecord(text(node, "aliasName"), text(node, "targetKeyId"),
                        instant(node, "creationDate"), instant(node, "lastUpdatedDate"));
                aliases.put(alias.aliasName(), alias);
            }
            Set<String> deleted = new LinkedHashSet<>();
            root.path("deletedKeyIds").forEach(n -> deleted.add(n.asText()));
            String account = text(root, "account");
            Set<String> replicas = new LinkedHashSet<>();
            for (JsonNode id : root.path("replicaKeyIds")) {
                if (!keys.containsKey(id.asText())) {
                    throw new IllegalArgumentException("a replica id names no key of the keystore");
                }
                replicas.add(id.asText());
            }
            return new EngineState(account, text(root, "region"), keys, aliases, deleted,
                    decodeAccess(root, account), ImportTokenJson.decode(root.get("importTokens")), replicas,
                    CustomKeyStoreCodec.decode(root));
        } catch (RuntimeException | java.security.GeneralSecurityException e) {
            throw new IOException("malformed keystore document: " + e.getClass().getSimpleName(), e);
        }
    }

    private static AccessControl decodeAccess(JsonNode root, String account) {
        Map<String, PolicyDocument> policies = new LinkedHashMap<>();
        for (JsonNode node : root.path("keys")) {
            String source = text(node, "policy");
            if (source != null) {
                policies.put(text(node, "keyId"), PolicyParser.parse(source));
            }
        }
        Map<String, List<Grant>> grants = new LinkedHashMap<>();
        for (JsonNode node : root.path("grants")) {
            Grant grant = GrantJson.fromJson(node);
            grants.computeIfAbsent(grant.keyId(), k -> new ArrayList<>()).add(grant);
        }
        JsonNode principals = root.get("principals");
        PrincipalDirectory directory = principals == null || principals.isNull() ? new PrincipalDirectory()
                : PrincipalDirectory.fromJson(principals);
        return AccessControl.of(account, policies, grants, directory);
    }

    private static KeyVersion decodeVersion(JsonNode vn, KeySpec spec) {
        KeyMaterial material = null;
        String aes = text(vn, "material");
        String other = text(vn, "asymmetricMaterial");
        if (aes != null && other != null) {
            throw new IllegalArgumentException("a version holds both \"material\" and \"asymmetricMaterial\"");
        }
        if (aes != null) {
            if (spec != KeySpec.SYMMETRIC_DEFAULT) {
                throw new IllegalArgumentException("\"material\" holds AES material, which only a SYMMETRIC_DEFAULT "
                        + "key has");
            }
            byte[] raw = Base64.getDecoder().decode(aes);
            material = AesKeyMaterial.copyOf(raw);
            Arrays.fill(raw, (byte) 0);
        } else if (other != null) {
            byte[] raw = Base64.getDecoder().decode(other);
            material = KeyMaterials.decode(spec, raw);
            Arrays.fill(raw, (byte) 0);
        }
        String type = text(vn, "rotationType");
        String expiration = text(vn, "expirationModel");
        return new KeyVersion(vn.path("version").asInt(), text(vn, "keyMaterialId"), material,
                instant(vn, "createdAt"), type == null ? null : RotationType.valueOf(type),
                expiration == null ? null : ExpirationModelType.valueOf(expiration), instant(vn, "validTo"),
                text(vn, "description"), vn.path("pendingRotation").asBoolean(false));
    }

    private static KeyRecord decodeKey(JsonNode node, String account) {
        JsonNode rot = node.path("rotation");
        RotationSchedule rotation = new RotationSchedule(rot.path("enabled").asBoolean(),
                rot.path("periodInDays").asInt(RotationSchedule.DEFAULT_PERIOD_DAYS), instant(rot, "nextRotationDate"));
        Map<String, String> tags = new LinkedHashMap<>();
        node.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        List<KeyVersion> versions = new ArrayList<>();
        KeySpec spec = KeySpec.valueOf(text(node, "keySpec"));
        for (JsonNode vn : node.path("versions")) {
            if (vn.path("version").asInt() != versions.size() + 1) {
                throw new IllegalArgumentException("backing-key versions must be numbered 1, 2, 3, ... in order");
            }
            versions.add(decodeVersion(vn, spec));
        }
        JsonNode window = node.path("pendingWindowInDays");
        return new KeyRecord(text(node, "keyId"), text(node, "arn"), account, instant(node, "creationDate"),
                text(node, "description"), KeyUsage.valueOf(text(node, "keyUsage")),
                spec, OriginType.valueOf(text(node, "origin")),
                KeyState.valueOf(text(node, "keyState")), instant(node, "deletionDate"),
                window.isNumber() ? window.asInt() : null, rotation, versions, node.path("onDemandRotations").asInt(),
                tags);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }
}
