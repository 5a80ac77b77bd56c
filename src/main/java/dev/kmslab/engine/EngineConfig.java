package dev.kmslab.engine;

import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import dev.kmslab.engine.store.KeystoreStorage;
import java.util.Objects;
import java.util.regex.Pattern;

/** Everything a {@link KmsEngine} is built from; {@link #defaults()} gives an in-memory engine on the real clock. */
public record EngineConfig(String account, String region, EngineClock clock, KeystoreStorage storage,
                           Authorizer authorizer, AuditLog auditLog) {

    public static final String DEFAULT_ACCOUNT = "111122223333";
    public static final String DEFAULT_REGION = "us-east-1";
    private static final Pattern ACCOUNT = Pattern.compile("^[0-9]{12}$");
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-[0-9]$");

    public EngineConfig {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(auditLog, "auditLog");
        if (!ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("account must be 12 digits: " + account);
        }
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("not a Region name: " + region);
        }
    }

    /** Account 111122223333, us-east-1, real clock, in-memory keystore and audit, account-root authorizer. */
    public static EngineConfig defaults() {
        return new EngineConfig(DEFAULT_ACCOUNT, DEFAULT_REGION, EngineClock.system(), new InMemoryKeystoreStorage(),
                new AccountRootAuthorizer(), AuditLog.inMemory());
    }

    public EngineConfig withClock(EngineClock newClock) {
        return new EngineConfig(account, region, newClock, storage, authorizer, auditLog);
    }

    public EngineConfig withStorage(KeystoreStorage newStorage) {
        return new EngineConfig(account, region, clock, newStorage, authorizer, auditLog);
    }

    public EngineConfig withAuthorizer(Authorizer newAuthorizer) {
        return new EngineConfig(account, region, clock, storage, newAuthorizer, auditLog);
    }

    public EngineConfig withAuditLog(AuditLog newAuditLog) {
        return new EngineConfig(account, region, clock, storage, authorizer, newAuditLog);
    }

    public EngineConfig withAccountAndRegion(String newAccount, String newRegion) {
        return new EngineConfig(newAccount, newRegion, clock, storage, authorizer, auditLog);
    }
}
