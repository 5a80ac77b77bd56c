package dev.kmslab.engine.state;

import dev.kmslab.engine.policy.AttachedPolicy;
import dev.kmslab.engine.policy.ConditionClause;
import dev.kmslab.engine.policy.DefaultKeyPolicy;
import dev.kmslab.engine.policy.Grant;
import dev.kmslab.engine.policy.PolicyDocument;
import dev.kmslab.engine.policy.Principal;
import dev.kmslab.engine.policy.PrincipalDirectory;
import dev.kmslab.engine.policy.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access-control part of a keystore snapshot: each key's policy (compiled, with its source text), each key's
 * grants, and the simulated IAM directory. Immutable like the rest of the snapshot: every change makes a new
 * instance, and the directory held here is never mutated once published (changes work on {@link #directoryCopy()}).
 * Resolving a caller's ARN to a principal and its IAM policies is cached per snapshot, so the hot path neither parses
 * ARNs nor copies policy lists.
 */
public final class AccessControl {

    /** Unknown ARNs are cached too, but only this many entries, so arbitrary caller strings cannot grow memory. */
    private static final int IDENTITY_CACHE_LIMIT = 1024;

    /**
     * A caller as the directory knows it; {@code principal} is null when the ARN names no known principal.
     * {@code conditionKeys} are the (lower-case) condition keys its identity policies test.
     */
    public record Identity(Principal principal, List<AttachedPolicy> identityPolicies, Set<String> conditionKeys) {

        public boolean known() {
            return principal != null;
        }
    }

    private final PolicyDocument defaultPolicy;
    private final Map<String, PolicyDocument> keyPolicies;
    private final Map<String, List<Grant>> grants;
    private final PrincipalDirectory directory;
    private final ConcurrentHashMap<String, Identity> identities = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> keyPolicyConditionKeys = new ConcurrentHashMap<>();

    private AccessControl(PolicyDocument defaultPolicy, Map<String, PolicyDocument> keyPolicies,
                          Map<String, List<Grant>> grants, PrincipalDirectory directory) {
        this.defaultPolicy = defaultPolicy;
        this.keyPolicies = Collections.unmodifiableMap(keyPolicies);
        this.grants = Collections.unmodifiableMap(grants);
        this.directory = directory;
    }

    /** No policies or grants yet; a directory that knows only {@code account} (its root). */
    public static AccessControl empty(String account) {
        PrincipalDirectory directory = new PrincipalDirectory();
        directory.addAccount(account);
        return of(account, Map.of(), Map.of(), directory);
    }

    /**
     * @param keyPolicies key id to policy; keys without an entry have the default key policy of {@code account}
     * @param grants      key id to its grants, in creation order
     * @param directory   handed over: the caller must not change it afterwards
     */
    public static AccessControl of(String account, Map<String, PolicyDocument> keyPolicies,
                                   Map<String, List<Grant>> grants, PrincipalDirectory directory) {
        directory.addAccount(account);
        Map<String, List<Grant>> copied = new LinkedHashMap<>();
        grants.forEach((k, v) -> {
            if (!v.isEmpty()) {
                copied.put(k, List.copyOf(v));
            }
        });
        return new AccessControl(DefaultKeyPolicy.document(account), new LinkedHashMap<>(keyPolicies), copied,
                directory);
    }

    /** The key's policy (the default key policy when none was stored). */
    public PolicyDocument keyPolicy(String keyId) {
        PolicyDocument p = keyPolicies.get(keyId);
        return p != null ? p : defaultPolicy;
    }

    /** Stored policies by key id (keys missing here have the default policy). */
    public Map<String, PolicyDocument> keyPolicies() {
        return keyPolicies;
    }

    /** The key's grants in creation order (empty when none). */
    public List<Grant> grants(String keyId) {
        return grants.getOrDefault(keyId, List.of());
    }

    /** Every key's grants, by key id. */
    public Map<String, List<Grant>> allGrants() {
        return grants;
    }

    /** The directory of this snapshot: read it, never change it (use {@link #directoryCopy()} for changes). */
    public PrincipalDirectory directory() {
        return directory;
    }

    /** A private copy of the directory to change and publish with {@link #withDirectory}. */
    public PrincipalDirectory directoryCopy() {
        return PrincipalDirectory.fromJson(directory.toJson());
    }

    /** The caller an ARN names, with its IAM policies; cached for the life of this snapshot. */
    public Identity identity(String arn) {
        Identity cached = identities.get(arn);
        if (cached != null) {
            return cached;
        }
        Optional<Principal> resolved = directory.resolve(arn);
        Identity identity = resolved.map(p -> {
            List<AttachedPolicy> policies = directory.identityPolicies(p);
            Set<String> keys = new HashSet<>();
            policies.forEach(a -> keys.addAll(conditionKeysOf(a.document())));
            return new Identity(p, policies, Set.copyOf(keys));
        }).orElseGet(() -> new Identity(null, List.of(), Set.of()));
        if (identities.size() < IDENTITY_CACHE_LIMIT) {
            identities.putIfAbsent(arn, identity);
        }
        return identity;
    }

    /**
     * The lower-case condition keys the key's policy tests, computed once per snapshot: the engine supplies only
     * these request values, so a policy without conditions costs no condition lookups at all.
     */
    public Set<String> keyPolicyConditionKeys(String keyId) {
        Set<String> keys = keyPolicyConditionKeys.get(keyId);
        if (keys == null) {
            keys = conditionKeysOf(keyPolicy(keyId));
            keyPolicyConditionKeys.put(keyId, keys);
        }
        return keys;
    }

    /** The lower-case condition keys a policy tests. */
    public static Set<String> conditionKeysOf(PolicyDocument policy) {
        Set<String> keys = new HashSet<>();
        for (Statement st : policy.statements()) {
            for (ConditionClause clause : st.conditions()) {
                keys.add(clause.lowerKey());
            }
        }
        return Set.copyOf(keys);
    }

    public AccessControl withKeyPolicy(String keyId, PolicyDocument policy) {
        Map<String, PolicyDocument> next = new LinkedHashMap<>(keyPolicies);
        next.put(keyId, policy);
        return new AccessControl(defaultPolicy, next, new LinkedHashMap<>(grants), directory);
    }

    /** Replaces the key's grants. */
    public AccessControl withGrants(String keyId, List<Grant> keyGrants) {
        Map<String, List<Grant>> next = new LinkedHashMap<>(grants);
        if (keyGrants.isEmpty()) {
            next.remove(keyId);
        } else {
            next.put(keyId, List.copyOf(keyGrants));
        }
        return new AccessControl(defaultPolicy, new LinkedHashMap<>(keyPolicies), next, directory);
    }

    /** Forgets a deleted key's policy and grants. */
    public AccessControl withoutKey(String keyId) {
        Map<String, PolicyDocument> policies = new LinkedHashMap<>(keyPolicies);
        policies.remove(keyId);
        Map<String, List<Grant>> next = new LinkedHashMap<>(grants);
        next.remove(keyId);
        return new AccessControl(defaultPolicy, policies, next, directory);
    }

    /** @param newDirectory handed over: the caller must not change it afterwards */
    public AccessControl withDirectory(PrincipalDirectory newDirectory) {
        return new AccessControl(defaultPolicy, new LinkedHashMap<>(keyPolicies), new LinkedHashMap<>(grants),
                newDirectory);
    }

    /** Every grant on every key, in key order then creation order. */
    public List<Grant> everyGrant() {
        List<Grant> all = new ArrayList<>();
        grants.values().forEach(all::addAll);
        return all;
    }

    @Override
    public String toString() {
        return "AccessControl[policies=" + keyPolicies.size() + ", keysWithGrants=" + grants.size() + "]";
    }
}
