package dev.kmslab.engine.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.engine.error.AlreadyExistsException;
import dev.kmslab.engine.error.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated accounts with their IAM users and roles and the identity policies attached to them. The engine keeps
 * one directory and persists it inside its keystore document via {@link #toJson()} / {@link #fromJson(JsonNode)};
 * policies are stored as their JSON text and recompiled on load. Thread-safe.
 */
public final class PrincipalDirectory {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** IAM's bounds for a role's MaxSessionDuration, and its default. */
    public static final int MIN_MAX_SESSION_SECONDS = 3600;
    public static final int MAX_MAX_SESSION_SECONDS = 43200;

    private final Map<String, Account> accounts = new LinkedHashMap<>();

    /** Adds an account (no-op if present). */
    public synchronized void addAccount(String accountId) {
        PrincipalNames.requireAccountId(accountId);
        accounts.computeIfAbsent(accountId, id -> new Account());
    }

    public synchronized List<String> accounts() {
        return List.copyOf(accounts.keySet());
    }

    /** Creates a user, adding its account if needed. */
    public synchronized IamUser createUser(String accountId, String name) {
        IamUser user = new IamUser(accountId, name);
        addAccount(accountId);
        Map<String, Holder<IamUser>> users = accounts.get(accountId).users;
        if (users.containsKey(name)) {
            throw new AlreadyExistsException("User " + user.arn() + " already exists");
        }
        users.put(name, new Holder<>(user));
        return user;
    }

    /** Creates a role, adding its account if needed. */
    public synchronized IamRole createRole(String accountId, String name) {
        IamRole role = new IamRole(accountId, name);
        addAccount(accountId);
        Map<String, Holder<IamRole>> roles = accounts.get(accountId).roles;
        if (roles.containsKey(name)) {
            throw new AlreadyExistsException("Role " + role.arn() + " already exists");
        }
        roles.put(name, new Holder<>(role));
        return role;
    }

    /** The trust policy a role gets when none is given: any principal of its own account whose IAM allows it. */
    public static String defaultTrustPolicy(String accountId) {
        return "{\n"
                + "  \"Version\": \"2012-10-17\",\n"
                + "  \"Statement\": [{\n"
                + "    \"Effect\": \"Allow\",\n"
                + "    \"Principal\": {\"AWS\": \"arn:aws:iam::" + accountId + ":root\"},\n"
                + "    \"Action\": \"sts:AssumeRole\"\n"
                + "  }]\n"
                + "}";
    }

    /**
     * Replaces a role's trust policy (its AssumeRolePolicyDocument).
     *
     * @throws PolicyValidationException when the text is not a valid trust policy
     * @throws NotFoundException         when the role does not exist
     */
    public synchronized PolicyDocument setTrustPolicy(IamRole role, String json) {
        Holder<?> holder = requireHolder(role);
        PolicyDocument trust = PolicyParser.parseTrustPolicy(json);
        holder.trust = trust;
        return trust;
    }

    /** The role's trust policy (the default one when none was set). */
    public synchronized PolicyDocument trustPolicy(IamRole role) {
        Holder<?> holder = requireHolder(role);
        // Not cached: a published directory is never changed, and AssumeRole is rare enough to parse each time.
        return holder.trust != null ? holder.trust : PolicyParser.parseTrustPolicy(defaultTrustPolicy(
                role.accountId()));
    }

    /**
     * Sets how long sessions of the role may last, 3600 to 43200 seconds as in IAM.
     *
     * @throws IllegalArgumentException outside that range
     */
    public synchronized void setMaxSessionDuration(IamRole role, int seconds) {
        if (seconds < MIN_MAX_SESSION_SECONDS || seconds > MAX_MAX_SESSION_SECONDS) {
            throw new IllegalArgumentException("MaxSessionDuration is 3600 to 43200 seconds, not " + seconds);
        }
        requireHolder(role).maxSessionSeconds = seconds;
    }

    /** How long sessions of the role may last, in seconds (3600 unless set). */
    public synchronized int maxSessionDuration(IamRole role) {
        return requireHolder(role).maxSessionSeconds;
    }

    public synchronized void deleteUser(String accountId, String name) {
        if (account(accountId).users.remove(name) == null) {
            throw new NotFoundException("No user " + name + " in account " + accountId);
        }
    }

    public synchronized void deleteRole(String accountId, String name) {
        if (account(accountId).roles.remove(name) == null) {
            throw new NotFoundException("No role " + name + " in account " + accountId);
        }
    }

    public synchronized List<IamUser> users(String accountId) {
        List<IamUser> out = new ArrayList<>();
        account(accountId).users.values().forEach(h -> out.add(h.principal));
        return out;
    }

    public synchronized List<IamRole> roles(String accountId) {
        List<IamRole> out = new ArrayList<>();
        account(accountId).roles.values().forEach(h -> out.add(h.principal));
        return out;
    }

    public synchronized Optional<IamUser> findUser(String accountId, String name) {
        Account a = accounts.get(accountId);
        return a == null || !a.users.containsKey(name) ? Optional.empty()
                : Optional.of(a.users.get(name).principal);
    }

    public synchronized Optional<IamRole> findRole(String accountId, String name) {
        Account a = accounts.get(accountId);
        return a == null || !a.roles.containsKey(name) ? Optional.empty()
                : Optional.of(a.roles.get(name).principal);
    }

    /**
     * The known principal an ARN names: the root of a known account, an existing user or role, a session of an
     * existing role, or a service principal. Empty when unknown or malformed.
     */
    public synchronized Optional<Principal> resolve(String arn) {
        Optional<Principal> parsed = Principals.tryParse(arn);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Principal p = parsed.get();
        boolean known;
        if (p instanceof AccountRoot root) {
            known = accounts.containsKey(root.accountId());
        } else if (p instanceof IamUser user) {
            known = holder(user) != null;
        } else if (p instanceof IamRole role) {
            known = holder(role) != null;
        } else if (p instanceof AssumedRoleSession session) {
            Optional<IamRole> role = findRole(session.accountId(), session.role().name());
            return role.map(r -> r.session(session.sessionName()));
        } else {
            known = p instanceof ServicePrincipal;
        }
        return known ? Optional.of(p) : Optional.empty();
    }

    /**
     * Attaches (or replaces) an identity policy on a user or role.
     *
     * @throws PolicyValidationException when the policy text is not a valid identity policy
     * @throws NotFoundException         when the user or role does not exist
     */
    public synchronized AttachedPolicy attachPolicy(Principal userOrRole, String policyName, String json) {
        Holder<?> holder = requireHolder(userOrRole);
        AttachedPolicy policy = new AttachedPolicy(policyName, PolicyParser.parseIdentityPolicy(json));
        holder.policies.put(policyName, policy);
        return policy;
    }

    public synchronized void detachPolicy(Principal userOrRole, String policyName) {
        if (requireHolder(userOrRole).policies.remove(policyName) == null) {
            throw new NotFoundException("No policy " + policyName + " on " + userOrRole.arn());
        }
    }

    /** The identity policies that apply to a caller: a session gets its role's; roots and services have none. */
    public synchronized List<AttachedPolicy> identityPolicies(Principal caller) {
        Holder<?> holder = caller instanceof AssumedRoleSession s ? holder(s.role()) : holder(caller);
        return holder == null ? List.of() : List.copyOf(holder.policies.values());
    }

    /** The directory as a JSON tree for the keystore document. */
    public synchronized ObjectNode toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("accounts");
        accounts.forEach((id, account) -> {
            ObjectNode a = list.addObject();
            a.put("accountId", id);
            ArrayNode users = a.putArray("users");
            account.users.values().forEach(h -> writeHolder(users.addObject(), h.principal.path(),
                    h.principal.name(), h));
            ArrayNode roles = a.putArray("roles");
            account.roles.values().forEach(h -> {
                ObjectNode r = roles.addObject();
                writeHolder(r, h.principal.path(), h.principal.name(), h);
                if (h.trust != null) {
                    r.put("trustPolicy", h.trust.source());
                }
                if (h.maxSessionSeconds != MIN_MAX_SESSION_SECONDS) {
                    r.put("maxSessionDuration", h.maxSessionSeconds);
                }
            });
        });
        return root;
    }

    /**
     * Rebuilds a directory from {@link #toJson()} output.
     *
     * @throws IllegalArgumentException when the tree is not a valid directory (the engine treats it as corrupt)
     */
    public static PrincipalDirectory fromJson(JsonNode root) {
        PrincipalDirectory dir = new PrincipalDirectory();
        JsonNode list = root == null ? null : root.get("accounts");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("principal directory: \"accounts\" array missing");
        }
        for (JsonNode a : list) {
            String id = text(a, "accountId");
            dir.addAccount(id);
            Account account = dir.accounts.get(id);
            for (JsonNode u : array(a, "users")) {
                IamUser user = new IamUser(id, text(u, "path"), text(u, "name"));
                account.users.put(user.name(), readPolicies(new Holder<>(user), u));
            }
            for (JsonNode r : array(a, "roles")) {
                IamRole role = new IamRole(id, text(r, "path"), text(r, "name"));
                Holder<IamRole> holder = readPolicies(new Holder<>(role), r);
                readTrust(holder, r);
                account.roles.put(role.name(), holder);
            }
        }
        return dir;
    }

    private static void writeHolder(ObjectNode node, String path, String name, Holder<?> holder) {
        node.put("name", name);
        node.put("path", path);
        ArrayNode policies = node.putArray("policies");
        holder.policies.values().forEach(p -> {
            ObjectNode pn = policies.addObject();
            pn.put("name", p.name());
            pn.put("document", p.document().source());
        });
    }

    private static <P extends Principal> Holder<P> readPolicies(Holder<P> holder, JsonNode node) {
        for (JsonNode p : array(node, "policies")) {
            String name = text(p, "name");
            try {
                holder.policies.put(name, new AttachedPolicy(name, PolicyParser.parseIdentityPolicy(
                        text(p, "document"))));
            } catch (PolicyValidationException e) {
                throw new IllegalArgumentException("principal directory: stored policy " + name + " of "
                        + holder.principal.arn() + " is invalid: " + e.getMessage(), e);
            }
        }
        return holder;
    }

    /** Roles stored before trust policies existed have none: they get the default on first use. */
    private static void readTrust(Holder<IamRole> holder, JsonNode node) {
        if (node.has("trustPolicy")) {
            try {
                holder.trust = PolicyParser.parseTrustPolicy(text(node, "trustPolicy"));
            } catch (PolicyValidationException e) {
                throw new IllegalArgumentException("principal directory: stored trust policy of "
                        + holder.principal.arn() + " is invalid: " + e.getMessage(), e);
            }
        }
        if (node.has("maxSessionDuration")) {
            int seconds = node.get("maxSessionDuration").asInt();
            if (seconds < MIN_MAX_SESSION_SECONDS || seconds > MAX_MAX_SESSION_SECONDS) {
                throw new IllegalArgumentException("principal directory: maxSessionDuration of "
                        + holder.principal.arn() + " is " + seconds + ", outside 3600 to 43200");
            }
            holder.maxSessionSeconds = seconds;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("principal directory: \"" + field + "\" missing or not text");
        }
        return v.asText();
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("principal directory: \"" + field + "\" is not an array");
        }
        return v;
    }

    private Account account(String accountId) {
        Account a = accounts.get(accountId);
        if (a == null) {
            throw new NotFoundException("No account " + accountId);
        }
        return a;
    }

    private Holder<?> holder(Principal p) {
        Account a = p.accountId() == null ? null : accounts.get(p.accountId());
        if (a == null) {
            return null;
        }
        if (p instanceof IamUser user) {
            Holder<IamUser> h = a.users.get(user.name());
            return h != null && h.principal.equals(user) ? h : null;
        }
        if (p instanceof IamRole role) {
            Holder<IamRole> h = a.roles.get(role.name());
            return h != null && h.principal.name().equals(role.name()) ? h : null;
        }
        return null;
    }

    private Holder<?> requireHolder(Principal userOrRole) {
        if (!(userOrRole instanceof IamUser) && !(userOrRole instanceof IamRole)) {
            throw new IllegalArgumentException("identity policies attach to users and roles, not " + userOrRole.arn());
        }
        Holder<?> h = holder(userOrRole);
        if (h == null) {
            throw new NotFoundException("No such user or role: " + userOrRole.arn());
        }
        return h;
    }

    private static final class Account {
        final Map<String, Holder<IamUser>> users = new LinkedHashMap<>();
        final Map<String, Holder<IamRole>> roles = new LinkedHashMap<>();
    }

    private static final class Holder<P extends Principal> {
        final P principal;
        final Map<String, AttachedPolicy> policies = new LinkedHashMap<>();
        /** Roles only: the trust policy, null while the role has the default one. */
        PolicyDocument trust;
        /** Roles only. */
        int maxSessionSeconds = MIN_MAX_SESSION_SECONDS;

        Holder(P principal) {
            this.principal = principal;
        }
    }
}
