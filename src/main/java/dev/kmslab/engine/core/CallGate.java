package dev.kmslab.engine.core;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsOperation;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.authz.AuthorizationDecision;
import dev.kmslab.engine.authz.AuthorizationRequest;
import dev.kmslab.engine.authz.KeyDescriptor;
import dev.kmslab.engine.authz.PolicyInputs;
import dev.kmslab.engine.error.AccessDeniedException;
import dev.kmslab.engine.error.KMSInternalException;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.policy.Decision;
import dev.kmslab.engine.policy.PolicyEvaluator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Every call goes through here: it is timed by the engine clock, authorized at the one authorization point
 * ({@link #authorize}), and audited whether it succeeds or fails. Unexpected failures become KMSInternalException so
 * callers only ever see KMS error types.
 */
public final class CallGate {

    private final EngineConfig config;
    private final AuditLog audit;
    private final PolicyEvaluator evaluator;

    public CallGate(EngineConfig config) {
        this.config = config;
        this.audit = config.auditLog();
        this.evaluator = new PolicyEvaluator(config.grantPropagationDelay());
    }

    /** The evaluator with the engine's grant propagation delay (also used by simulations). */
    public PolicyEvaluator evaluator() {
        return evaluator;
    }

    public <T> T run(KmsOperation op, CallerContext caller, Map<String, Object> params, Function<Call, T> body) {
        return run(op, caller, config.clock().now(), params, body);
    }

    /** As above, timed at {@code now} (read once by a caller that already needed the time). */
    public <T> T run(KmsOperation op, CallerContext caller, Instant now, Map<String, Object> params,
                     Function<Call, T> body) {
        if (caller == null) {
            throw new IllegalArgumentException("caller is required");
        }
        Call call = new Call(op, caller, now, caller.dryRun() ? DryRuns.auditParams(params)
                : params);
        long commits = StateStore.commitsOnThisThread();
        try {
            if (caller.dryRun()) {
                DryRuns.run(call, body);
            }
            T result = body.apply(call);
            // A call that changed the keystore (forced to the device) gets its event forced too; others are written.
            record(call, null, StateStore.commitsOnThisThread() != commits);
            return result;
        } catch (KmsException e) {
            record(call, e, false);
            throw e;
        } catch (RuntimeException e) {
            KMSInternalException internal = new KMSInternalException("An internal error occurred.", e);
            record(call, internal, false);
            throw internal;
        }
    }

    /**
     * The authorization point: asks the configured {@link Authorizer} whether the caller may perform {@code action} on
     * {@code key} (null for account-level actions) and throws AccessDeniedException if not.
     */
    public void authorize(Call call, String action, EngineState state, KeyRecord key, Map<String, String> context,
                   Map<String, String> conditions) {
        authorize(call, action, state, key, context, conditions, Map.of());
    }

    /** As above, with condition keys that carry several values (kms:GrantOperations). */
    public AuthorizationDecision authorize(Call call, String action, EngineState state, KeyRecord key,
                                    Map<String, String> context, Map<String, String> conditions,
                                    Map<String, List<String>> multiValued) {
        KeyDescriptor descriptor = key == null ? null : descriptor(state, key);
        if (key != null && call.keyArn == null) {
            call.keyArn = key.arn();
        }
        AuthorizationDecision decision = config.authorizer().authorize(new AuthorizationRequest(call.caller, action,
                descriptor, config.account(), config.region(), context == null ? Map.of() : context,
                conditions == null ? Map.of() : conditions,
                new PolicyInputs(state, call.now, evaluator, multiValued)));
        String explanation = auditText(decision);
        call.addDecision(decision.policyDecision());
        if (!decision.allowed()) {
            call.markAuthorized(explanation);
            throw new AccessDeniedException(decision.explanation());
        }
        call.markAuthorized(explanation);
        return decision;
    }

    public static KeyDescriptor descriptor(EngineState state, KeyRecord key) {
        return new KeyDescriptor(key.arn(), key.keyId(), key.account(), key.keySpec(), key.keyUsage(), key.origin(),
                false, state.aliasesOf(key.keyId()));
    }

    /**
     * What the audit event says about a decision: for a policy evaluation its one-line summary, followed for a denial
     * by the full statement-by-statement explanation; otherwise the authorizer's own explanation. An allowed call's
     * full explanation is formatted only on demand from the decision kept in the event: formatting it on every
     * call would cost more than the cryptography.
     */
    private static String auditText(AuthorizationDecision decision) {
        Decision policy = decision.policyDecision();
        if (policy == null) {
            return decision.explanation();
        }
        // an allowed decision's explanation is already its summary (see AuthorizationDecision.of)
        return policy.allowed() ? decision.explanation() : policy.summary() + "\n" + policy.explain();
    }

    /** Records an event the engine did on its own (automatic rotation, deletion completing). */
    public void recordServiceEvent(String eventName, Instant at, String keyArn, Map<String, Object> params) {
        audit.record(new AuditEvent(fastId(), at, eventName, "kms.amazonaws.com", keyArn, params, null, null,
                fastId(), "Performed by the service on schedule.", List.of(), config.region()), true);
    }

    private void record(Call call, KmsException error, boolean durable) {
        audit.record(new AuditEvent(fastId(), call.now, call.operation.name(), call.caller.principalArn(),
                call.keyArn, call.auditParameters, error == null ? null : error.errorCode(),
                error == null ? null : error.getMessage(), fastId(), call.authorizationExplanation,
                call.decisions == null ? List.of() : call.decisions, config.region(), null, null,
                call.caller.accessKeyId()), durable);
    }

    /**
     * A version-4-shaped UUID from a fast non-cryptographic source: event and request ids must be unique, not
     * secret, and UUID.randomUUID() would contend on the shared SecureRandom in the hot path.
     */
    public static String fastId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lo = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }
}
