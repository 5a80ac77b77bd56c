package dev.kmslab.engine.access;

import dev.kmslab.engine.core.Call;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.core.KeyIdForms;
import dev.kmslab.engine.core.NewKeyRules;
import dev.kmslab.engine.core.StateStore;
import dev.kmslab.engine.Validation;
import dev.kmslab.engine.error.MalformedPolicyDocumentException;
import dev.kmslab.engine.error.NotFoundException;
import dev.kmslab.engine.model.GetKeyPolicyRequest;
import dev.kmslab.engine.model.GetKeyPolicyResult;
import dev.kmslab.engine.model.ListKeyPoliciesRequest;
import dev.kmslab.engine.model.ListKeyPoliciesResult;
import dev.kmslab.engine.model.PutKeyPolicyRequest;
import dev.kmslab.engine.policy.ConditionKeys;
import dev.kmslab.engine.policy.LockoutSafetyCheck;
import dev.kmslab.engine.policy.PolicyDocument;
import dev.kmslab.engine.policy.PolicyParser;
import dev.kmslab.engine.state.AccessControl;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * PutKeyPolicy, GetKeyPolicy, ListKeyPolicies, and the policy checks CreateKey shares. A key has exactly one policy,
 * named {@code default}; its source text is stored verbatim so that GetKeyPolicy returns what was put.
 */
public final class KeyPolicyOperations {

    public static final String POLICY_NAME = "default";

    private final EngineCore core;

    public KeyPolicyOperations(EngineCore core) {
        this.core = core;
    }

    public void putKeyPolicy(Call call, PutKeyPolicyRequest request) {
        checkName(request.policyName());
        Validation.required("policy", request.policy());
        boolean bypass = request.bypassPolicyLockoutSafetyCheck();
        core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", request.keyId(), KeyIdForms.KEY_ONLY, null,
                    Map.of(ConditionKeys.BYPASS_LOCKOUT_CHECK, Boolean.toString(bypass)));
            PolicyDocument policy = PolicyParser.parse(request.policy());
            NewKeyRules.checkLockout(state, call.caller, policy, key.arn(), key.account(), call.now, bypass);
            return new StateStore.Change<>(state.withAccess(state.access().withKeyPolicy(key.keyId(), policy)), null);
        });
    }

    public GetKeyPolicyResult getKeyPolicy(Call call, GetKeyPolicyRequest request) {
        String name = checkName(request.policyName());
        EngineState state = core.store.current();
        KeyRecord key = core.keyFor(call, state, "keyId", request.keyId(), KeyIdForms.KEY_ONLY, null, null);
        return new GetKeyPolicyResult(state.access().keyPolicy(key.keyId()).source(), name);
    }

    public ListKeyPoliciesResult listKeyPolicies(Call call, ListKeyPoliciesRequest request) {
        if (request.limit() != null) {
            Validation.range("limit", request.limit(), 1, 1000);
        }
        EngineState state = core.store.current();
        core.keyFor(call, state, "keyId", request.keyId(), KeyIdForms.KEY_ONLY, null, null);
        // One name only, so there is never a next page (AWS declares no InvalidMarkerException here either).
        return new ListKeyPoliciesResult(List.of(POLICY_NAME), null, false);
    }

    /** The policy name, which AWS allows to be omitted and which can only be {@code default}. */
    public static String checkName(String policyName) {
        if (policyName == null) {
            return POLICY_NAME;
        }
        Validation.length("policyName", policyName.length(), 1, 128);
        if (!POLICY_NAME.equals(policyName)) {
            throw new NotFoundException("No key policy named " + policyName + " exists; the only key policy name is "
                    + POLICY_NAME + ".");
        }
        return policyName;
    }
}
