package dev.kmslab.engine.access;

import dev.kmslab.engine.authz.GrantTokens;
import dev.kmslab.engine.authz.KeyDescriptor;
import dev.kmslab.engine.authz.PolicyAuthorizer;
import dev.kmslab.engine.authz.PolicyRequests;
import dev.kmslab.engine.core.CallGate;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.core.KeyIdForms;
import dev.kmslab.engine.core.KeyResolver;
import dev.kmslab.engine.Validation;
import dev.kmslab.engine.error.AccessDeniedException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.SimulationRequest;
import dev.kmslab.engine.policy.ConditionKeys;
import dev.kmslab.engine.policy.Decision;
import dev.kmslab.engine.policy.KmsActions;
import dev.kmslab.engine.state.AccessControl;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import java.util.Map;
import java.util.Set;

/**
 * The policy simulator: evaluates a would-be request exactly as the {@link PolicyAuthorizer} would (same key policy,
 * IAM policies, grants, condition values and engine time) without performing it and without an audit event. It
 * evaluates policies even when the engine runs with another authorizer, since its purpose is to teach them.
 */
public final class PolicySimulator {

    /** Actions that name no key: IAM policies alone decide them. */
    public static final Set<String> ACCOUNT_LEVEL = Set.of("kms:CreateKey", "kms:ListKeys", "kms:ListAliases",
            "kms:GenerateRandom", "kms:ListRetirableGrants", "kms:CreateCustomKeyStore",
            "kms:DescribeCustomKeyStores", "kms:ConnectCustomKeyStore", "kms:DisconnectCustomKeyStore",
            "kms:DeleteCustomKeyStore", "kms:UpdateCustomKeyStore");

    private final EngineCore core;

    public PolicySimulator(EngineCore core) {
        this.core = core;
    }

    public Decision simulate(SimulationRequest request) {
        Validation.required("principalArn", request.principalArn());
        Validation.required("action", request.action());
        if (KmsActions.indexOf(request.action()) < 0) {
            throw new ValidationException("Unknown KMS action " + request.action() + ".");
        }
        String action = KmsActions.canonical(request.action());
        EngineState state = core.store.current();
        KeyDescriptor key = null;
        Map<String, String> conditions = Map.of();
        if (request.keyId() != null) {
            KeyRecord record = KeyResolver.resolve(state, "keyId", request.keyId(), KeyIdForms.KEY_OR_ALIAS);
            key = CallGate.descriptor(state, record);
            if (request.keyId().contains("alias/")) {
                conditions = Map.of(ConditionKeys.REQUEST_ALIAS,
                        request.keyId().substring(request.keyId().indexOf("alias/")));
            }
        } else if (!ACCOUNT_LEVEL.contains(action)) {
            throw new ValidationException(action + " acts on a KMS key: give the keyId to simulate it.");
        }
        String resource = key != null ? key.arn()
                : PolicyRequests.accountResource(core.config.account(), core.config.region());
        AccessControl access = state.access();
        AccessControl.Identity identity = access.identity(request.principalArn());
        if (!identity.known()) {
            throw new AccessDeniedException(PolicyAuthorizer.unknownPrincipal(request.principalArn(), action,
                    resource));
        }
        return core.gate.evaluator().evaluate(PolicyRequests.build(access, identity, action, key,
                core.config.account(), core.config.region(), request.encryptionContext(), conditions,
                request.conditionValues(), request.viaService(), GrantTokens.validated(request.grantTokens()),
                core.config.clock().now()));
    }
}
