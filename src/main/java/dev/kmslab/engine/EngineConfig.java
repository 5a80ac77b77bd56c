package dev.kmslab.engine;

import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.authz.Authorizer;
import dev.kmslab.engine.authz.PolicyAuthorizer;
import dev.kmslab.engine.policy.PolicyEvaluator;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import dev.kmslab.engine.store.KeystoreStorage;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a {@link KmsEngine} is built from; {@link #defaults()} gives an in-memory engine on the real clock that
 * enforces key policies, IAM policies and grants.
 *
 * @param grantPropagationDelay how long (engine time) a new grant takes to work without its grant token
 */
public record EngineConfig(String account, String region, EngineClock clock, KeystoreStorage storage,
                           Authorizer authorizer, AuditLog auditLog, Duration grantPropagationDelay) {

    public static final String DEFAULT_ACCOUNT = "111122223333";
    public static final String DEFAULT_REGION = "us-east-1";
    /** Five seconds of engine time: long enough to show why grant tokens exist, short enough not to annoy. */
    public static final Duration DEFAULT_GRANT_PROPAGATION_DELAY = PolicyEvaluator.DEFAULT_GRANT_PROPAGATION_DELAY;
    private static final Pattern ACCOUNT = Pattern.compile("^[0-9]{12}$");
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-[0-9]$");

    public EngineConfig {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(grantPropagationDelay, "grantPropagationDelay");
        if (grantPropagationDelay.isNegative()) {
            throw new IllegalArgumentException("the grant propagation delay cannot be negative");
        }
        if (!ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("account must be 12 digits: " + account);
        }
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("not a Region name: " + region);
        }
    }

    /** A configuration with the default grant propagation delay. */
    public EngineConfig(String account, String region, EngineClock clock, KeystoreStorage storage,
                        Authorizer authorizer, AuditLog auditLog) {
        this(account, region, clock, storage, authorizer, auditLog, DEFAULT_GRANT_PROPAGATION_DELAY);
    }

    /**
     * Account 111122223333, us-east-1, real clock, in-memory keystore and audit, the {@link PolicyAuthorizer}
     * (key policies, IAM policies and grants enforced), grants propagating after 5 seconds.
     */
    public static EngineConfig defaults() {
        return new EngineConfig(DEFAULT_ACCOUNT, DEFAULT_REGION, EngineClock.system(), new InMemoryKeystoreStorage(),
                new PolicyAuthorizer(), AuditLog.inMemory(), DEFAULT_GRANT_PROPAGATION_DELAY);
    }

    public EngineConfig withClock(EngineClock newClock) {
        return new EngineConfig(account, region, newClock, storage, authorizer, auditLog, grantPropagationDelay);
    }

    public EngineConfig withStorage(KeystoreStorage newStorage) {
        return new EngineConfig(account, region, clock, newStorage, authorizer, auditLog, grantPropagationDelay);
    }

    public EngineConfig withAuthorizer(Authorizer newAuthorizer) {
        return new EngineConfig(account, region, clock, storage, newAuthorizer, auditLog, grantPropagationDelay);
    }

    public EngineConfig withAuditLog(AuditLog newAuditLog) {
        return new EngineConfig(account, region, clock, storage, authorizer, newAuditLog, grantPropagationDelay);
    }

    public EngineConfig withAccountAndRegion(String newAccount, String newRegion) {
        return new EngineConfig(newAccount, newRegion, clock, storage, authorizer, auditLog, grantPropagationDelay);
    }

    public EngineConfig withGrantPropagationDelay(Duration delay) {
        return new EngineConfig(account, region, clock, storage, authorizer, auditLog, delay);
    }
}
