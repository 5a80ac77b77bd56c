package dev.kmslab.engine.access;

import dev.kmslab.engine.authz.AuthorizationDecision;
import dev.kmslab.engine.authz.GrantTokens;
import dev.kmslab.engine.core.Arns;
import dev.kmslab.engine.core.Call;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.core.KeyIdForms;
import dev.kmslab.engine.core.KeyResolver;
import dev.kmslab.engine.core.Pages;
import dev.kmslab.engine.core.StateStore;
import dev.kmslab.engine.Validation;
import dev.kmslab.engine.error.AccessDeniedException;
import dev.kmslab.engine.error.InvalidGrantIdException;
import dev.kmslab.engine.error.LimitExceededException;
import dev.kmslab.engine.error.NotFoundException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.CreateGrantResult;
import dev.kmslab.engine.model.GrantListEntry;
import dev.kmslab.engine.model.ListGrantsRequest;
import dev.kmslab.engine.model.ListGrantsResult;
import dev.kmslab.engine.model.ListRetirableGrantsRequest;
import dev.kmslab.engine.model.RetireGrantRequest;
import dev.kmslab.engine.model.RevokeGrantRequest;
import dev.kmslab.engine.policy.ConditionKeys;
import dev.kmslab.engine.policy.Decision;
import dev.kmslab.engine.policy.Grant;
import dev.kmslab.engine.model.GrantConstraints;
import dev.kmslab.engine.policy.GrantOperation;
import dev.kmslab.engine.policy.GrantRules;
import dev.kmslab.engine.policy.Principal;
import dev.kmslab.engine.policy.Principals;
import dev.kmslab.engine.state.AccessControl;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CreateGrant, ListGrants, ListRetirableGrants, RetireGrant and RevokeGrant. CreateGrant and ListGrants and
 * RevokeGrant are authorised by policy like other key operations; RetireGrant by the grant itself
 * ({@link GrantRules#canRetire}), as AWS does.
 */
public final class KeyGrantOperations {

    public static final int MAX_GRANTS_PER_KEY = 50_000;
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9:/_-]+$");
    private static final Pattern GRANT_ID = Pattern.compile("^[0-9a-f]{64}$");

    private final EngineCore core;
    private final SecureRandom random = new SecureRandom();

    public KeyGrantOperations(EngineCore core) {
        this.core = core;
    }

    public CreateGrantResult createGrant(Call call, CreateGrantRequest request) {
        String grantee = principal("granteePrincipal", Validation.required("granteePrincipal",
                request.granteePrincipal()));
        String retiring = request.retiringPrincipal() == null ? null
                : principal("retiringPrincipal", request.retiringPrincipal());
        Set<GrantOperation> operations = operations(request.operations());
        GrantConstraints constraints = constraints(request.constraints());
        if (request.name() != null) {
            Validation.length("name", request.name().length(), 1, 256);
            Validation.pattern("name", request.name(), NAME);
        }
        List<String> opNames = new ArrayList<>();
        operations.forEach(op -> opNames.add(op.apiName()));
        return core.store.mutate(state -> {
            KeyRecord key = KeyResolver.resolve(state, "keyId", request.keyId(), KeyIdForms.KEY_ONLY);
            call.keyArn = key.arn();
            AuthorizationDecision decision = core.gate.authorize(call, call.operation.action(), state, key, null,
                    Map.of(ConditionKeys.GRANT_IS_FOR_AWS_RESOURCE,
                            Boolean.toString(call.caller.viaService().isPresent())),
                    Map.of(ConditionKeys.GRANT_OPERATIONS, opNames));
            core.checkState(call, state, key);
            KeyUsageOperations.check(key, operations);
            checkDelegation(call, key, decision.policyDecision(), operations, constraints);
            List<Grant> existing = state.access().grants(key.keyId());
            Grant same = request.name() == null ? null
                    : sameGrant(existing, request.name(), grantee, retiring, operations, constraints);
            if (same != null) {
                // AWS returns the original grant id on a retry with the same name and parameters. It also issues a
                // fresh, interchangeable token each time; the lab keeps one token per grant and returns it again.
                return new StateStore.Change<>(state, new CreateGrantResult(same.grantToken(), same.grantId()));
            }
            if (existing.size() >= MAX_GRANTS_PER_KEY) {
                throw new LimitExceededException("The request was rejected because " + key.arn() + " already has "
                        + MAX_GRANTS_PER_KEY + " grants, the most a KMS key can have.");
            }
            if (call.dryRun()) {
                return new StateStore.Change<>(state, null);
            }
            Grant grant = new Grant(key.keyId(), GrantRules.newGrantId(random), GrantRules.newGrantToken(random),
                    grantee, retiring, operations, constraints, request.name(), issuingAccount(state, call, key),
                    call.now);
            List<Grant> next = new ArrayList<>(existing);
            next.add(grant);
            return new StateStore.Change<>(state.withAccess(state.access().withGrants(key.keyId(), next)),
                    new CreateGrantResult(grant.grantToken(), grant.grantId()));
        });
    }

    public ListGrantsResult listGrants(Call call, ListGrantsRequest request) {
        EngineState state = core.store.current();
        KeyRecord key = core.keyFor(call, state, "keyId", request.keyId(), KeyIdForms.KEY_ONLY, null, null);
        List<GrantListEntry> all = new ArrayList<>();
        for (Grant g : state.access().grants(key.keyId())) {
            boolean idMatches = request.grantId() == null || request.grantId().equals(g.grantId());
            boolean granteeMatches = request.granteePrincipal() == null
                    || request.granteePrincipal().equals(g.granteePrincipal());
            if (idMatches && granteeMatches) {
                all.add(entry(key.arn(), g));
            }
        }
        Pages.Page<GrantListEntry> page = Pages.slice("grants", all, request.limit(), 50, 100, request.marker());
        return new ListGrantsResult(page.items(), page.nextMarker(), page.truncated());
    }

    public ListGrantsResult listRetirableGrants(Call call, ListRetirableGrantsRequest request) {
        String retiring = Validation.required("retiringPrincipal", request.retiringPrincipal());
        Validation.length("retiringPrincipal", retiring.length(), 1, 256);
        EngineState state = core.store.current();
        core.gate.authorize(call, call.operation.action(), state, null, null, null);
        List<GrantListEntry> all = new ArrayList<>();
        for (Grant g : state.access().everyGrant()) {
            if (retiring.equals(g.retiringPrincipal())) {
                all.add(entry(Arns.keyArn(state.account(), state.region(), g.keyId()), g));
            }
        }
        Pages.Page<GrantListEntry> page = Pages.slice("retirable", all, request.limit(), 50, 100,
                request.marker());
        return new ListGrantsResult(page.items(), page.nextMarker(), page.truncated());
    }

    public void retireGrant(Call call, RetireGrantRequest request) {
        core.store.mutate(state -> {
            Grant grant = request.grantToken() != null ? byToken(state, request.grantToken())
                    : byId(state, request.keyId(), request.grantId());
            KeyRecord key = state.keys().get(grant.keyId());
            call.keyArn = key.arn();
            AccessControl.Identity caller = state.access().identity(call.caller.principalArn());
            GrantRules.RetireCheck check = caller.known() ? GrantRules.canRetire(grant, caller.principal())
                    : new GrantRules.RetireCheck(false, "the principal does not exist in this lab's IAM directory");
            String because = "RetireGrant is decided by the grant: " + check.reason();
            call.markAuthorized((check.allowed() ? "ALLOWED: " : "DENIED: ") + because);
            if (!check.allowed()) {
                throw new AccessDeniedException("User: " + call.caller.principalArn() + " is not authorized to "
                        + "perform: kms:RetireGrant on resource: " + key.arn() + " because " + check.reason());
            }
            core.checkState(call, state, key);
            return new StateStore.Change<>(call.dryRun() ? state : without(state, grant), null);
        });
    }

    public void revokeGrant(Call call, RevokeGrantRequest request) {
        String grantId = grantId(request.grantId());
        core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", request.keyId(), KeyIdForms.KEY_ONLY, null, null);
            Grant grant = find(state, key, grantId);
            return new StateStore.Change<>(call.dryRun() ? state : without(state, grant), null);
        });
    }

    private static EngineState without(EngineState state, Grant grant) {
        List<Grant> next = new ArrayList<>(state.access().grants(grant.keyId()));
        next.removeIf(g -> g.grantId().equals(grant.grantId()));
        return state.withAccess(state.access().withGrants(grant.keyId(), next));
    }

    private static Grant byToken(EngineState state, String token) {
        GrantTokens.check(token);
        for (Grant g : state.access().everyGrant()) {
            if (g.grantToken().equals(token)) {
                return g;
            }
        }
        throw new NotFoundException("The grant that the grant token identifies does not exist.");
    }

    private static Grant byId(EngineState state, String keyId, String grantId) {
        if (keyId == null || grantId == null) {
            throw new ValidationException("Specify either a grant token, or both the key id and the grant id.");
        }
        KeyRecord key = KeyResolver.resolve(state, "keyId", keyId, KeyIdForms.KEY_ONLY);
        return find(state, key, grantId(grantId));
    }

    private static Grant find(EngineState state, KeyRecord key, String grantId) {
        for (Grant g : state.access().grants(key.keyId())) {
            if (g.grantId().equals(grantId)) {
                return g;
            }
        }
        throw new NotFoundException("Grant ID " + grantId + " not found for key " + key.arn());
    }

    private static String grantId(String grantId) {
        Validation.required("grantId", grantId);
        Validation.length("grantId", grantId.length(), 1, 128);
        if (!GRANT_ID.matcher(grantId).matches()) {
            throw new InvalidGrantIdException("The request was rejected because the specified GrantId is not valid.");
        }
        return grantId;
    }

    /**
     * A grantee whose CreateGrant permission comes only from a grant may pass on no more than that grant allows
     * (same or fewer operations, constraints at least as strict).
     */
    private static void checkDelegation(Call call, KeyRecord key, Decision decision, Set<GrantOperation> operations,
                                        GrantConstraints constraints) {
        if (decision == null || decision.decidingGrant() == null) {
            return;
        }
        if (!GrantRules.mayDelegate(decision.decidingGrant().grant(), operations, constraints)) {
            throw new AccessDeniedException("User: " + call.caller.principalArn() + " is not authorized to perform: "
                    + "kms:CreateGrant on resource: " + key.arn() + " because the grant that allows CreateGrant "
                    + "does not allow these operations or looser constraints");
        }
    }

    private static Grant sameGrant(List<Grant> grants, String name, String grantee, String retiring,
                                   Set<GrantOperation> operations, GrantConstraints constraints) {
        for (Grant g : grants) {
            if (name.equals(g.name()) && grantee.equals(g.granteePrincipal())
                    && Objects.equals(retiring, g.retiringPrincipal())
                    && operations.equals(g.operations()) && constraints.equals(g.constraints())) {
                return g;
            }
        }
        return null;
    }

    private static String issuingAccount(EngineState state, Call call, KeyRecord key) {
        AccessControl.Identity identity = state.access().identity(call.caller.principalArn());
        String account = identity.known() ? identity.principal().accountId() : null;
        return account != null ? account : key.account();
    }

    private static GrantListEntry entry(String keyArn, Grant g) {
        List<String> ops = new ArrayList<>();
        g.operations().forEach(op -> ops.add(op.apiName()));
        return new GrantListEntry(keyArn, g.grantId(), g.name(), g.creationDate(), g.granteePrincipal(),
                g.retiringPrincipal(), Principal.rootArn(g.issuingAccount()), ops, g.constraints());
    }

    private static String principal(String member, String arn) {
        Validation.length(member, arn.length(), 1, 256);
        try {
            Principals.parse(arn);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("1 validation error detected: Value at '" + member + "' failed to "
                    + "satisfy constraint: " + e.getMessage());
        }
        return arn;
    }

    private static Set<GrantOperation> operations(List<String> names) {
        Validation.required("operations", names);
        if (names.isEmpty()) {
            throw Validation.error("", "operations", "have length greater than or equal to 1");
        }
        Set<GrantOperation> ops = EnumSet.noneOf(GrantOperation.class);
        for (String name : names) {
            GrantOperation op = name == null ? null : GrantOperation.byApiName(name);
            if (op == null) {
                throw Validation.error(" '" + name + "'", "operations",
                        "satisfy enum value set: " + apiNames());
            }
            ops.add(op);
        }
        return ops;
    }

    private static List<String> apiNames() {
        List<String> all = new ArrayList<>();
        for (GrantOperation op : GrantOperation.values()) {
            all.add(op.apiName());
        }
        return all;
    }

    private static GrantConstraints constraints(GrantConstraints given) {
        if (given == null) {
            return GrantConstraints.NONE;
        }
        Validation.context("constraints.encryptionContextSubset", given.encryptionContextSubset());
        Validation.context("constraints.encryptionContextEquals", given.encryptionContextEquals());
        return given;
    }
}
