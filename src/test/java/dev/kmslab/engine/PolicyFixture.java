package dev.kmslab.engine;

import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.audit.AuditQuery;
import dev.kmslab.engine.authz.Authorizer;
import dev.kmslab.engine.core.Arns;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import dev.kmslab.engine.store.KeystoreCorruptException;
import dev.kmslab.engine.store.KeystoreStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An engine with the default {@link PolicyAuthorizer} on a frozen simulated clock, in account 111122223333, with
 * helpers to make principals and keys with policies.
 */
final class PolicyFixture {

    static final String ACCOUNT = EngineConfig.DEFAULT_ACCOUNT;
    static final String OTHER_ACCOUNT = "444455556666";
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final CallerContext ROOT = CallerContext.root(ACCOUNT);
    static final Map<String, String> CONTEXT = Map.of("Department", "Finance");

    final SimulatedClock clock = new SimulatedClock(START);
    final AuditLog audit = AuditLog.inMemory();
    final KeystoreStorage storage;
    /** Null for the default: each opened engine gets its own fresh {@link PolicyAuthorizer}. */
    private final Authorizer authorizer;
    final KmsEngine engine;

    PolicyFixture() {
        this(new InMemoryKeystoreStorage());
    }

    PolicyFixture(KeystoreStorage storage) {
        this(storage, null);
    }

    /** With {@code authorizer} (one wrapping the default, say) instead of a fresh {@link PolicyAuthorizer}. */
    PolicyFixture(Authorizer authorizer) {
        this(new InMemoryKeystoreStorage(), authorizer);
    }

    private PolicyFixture(KeystoreStorage storage, Authorizer authorizer) {
        this.storage = storage;
        this.authorizer = authorizer;
        this.engine = open(storage);
    }

    KmsEngine open(KeystoreStorage withStorage) {
        try {
            EngineConfig config = EngineConfig.defaults().withClock(clock).withStorage(withStorage)
                    .withAuditLog(audit);
            return KmsEngine.open(authorizer == null ? config : config.withAuthorizer(authorizer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (KeystoreCorruptException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a role in the account and returns a caller acting as one of its sessions. */
    CallerContext role(String account, String name) {
        engine.principals().createRole(account, name);
        return CallerContext.of("arn:aws:sts::" + account + ":assumed-role/" + name + "/session");
    }

    CallerContext user(String account, String name) {
        engine.principals().createUser(account, name);
        return CallerContext.of(userArn(account, name));
    }

    static String userArn(String account, String name) {
        return "arn:aws:iam::" + account + ":user/" + name;
    }

    static String roleArn(String account, String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }

    static CallerContext via(CallerContext caller, String service) {
        return new CallerContext(caller.principalArn(), Optional.of(service), caller.grantTokens());
    }

    static CallerContext withTokens(CallerContext caller, String... tokens) {
        return new CallerContext(caller.principalArn(), caller.viaService(), List.of(tokens));
    }

    String keyWithPolicy(String policy) {
        return engine.createKey(ROOT, CreateKeyRequest.withPolicy(policy)).keyMetadata().keyId();
    }

    String newKey() {
        return engine.createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();
    }

    byte[] encrypt(CallerContext caller, String keyId, Map<String, String> context) {
        return engine.encrypt(caller, EncryptRequest.of(keyId, new byte[] {7, 7, 7}, context)).ciphertextBlob();
    }

    byte[] decrypt(CallerContext caller, byte[] blob, Map<String, String> context) {
        return engine.decrypt(caller, DecryptRequest.of(blob, context)).plaintext();
    }

    String arn(String keyId) {
        return Arns.keyArn(ACCOUNT, EngineConfig.DEFAULT_REGION, keyId);
    }

    /** The newest audit event of this name. */
    AuditEvent lastEvent(String eventName) {
        List<AuditEvent> events = audit.query(AuditQuery.all().forEvent(eventName));
        return events.get(events.size() - 1);
    }

    /**
     * A key policy in the shape of the AWS console's default: the account root (IAM delegation), key administrators,
     * and key users, as JSON text. {@code extra} is appended verbatim as further statements (may be empty).
     */
    static String adminsAndUsers(String adminArn, String userArn, String extra) {
        return "{\n"
                + "  \"Version\": \"2012-10-17\",\n"
                + "  \"Id\": \"key-consolepolicy-3\",\n"
                + "  \"Statement\": [\n"
                + "    {\n"
                + "      \"Sid\": \"Enable IAM User Permissions\",\n"
                + "      \"Effect\": \"Allow\",\n"
                + "      \"Principal\": {\"AWS\": \"arn:aws:iam::" + ACCOUNT + ":root\"},\n"
                + "      \"Action\": \"kms:*\",\n"
                + "      \"Resource\": \"*\"\n"
                + "    },\n"
                + "    {\n"
                + "      \"Sid\": \"Allow access for Key Administrators\",\n"
                + "      \"Effect\": \"Allow\",\n"
                + "      \"Principal\": {\"AWS\": \"" + adminArn + "\"},\n"
                + "      \"Action\": [\"kms:Create*\", \"kms:Describe*\", \"kms:Enable*\", \"kms:List*\", \"kms:Put*\","
                + " \"kms:Update*\", \"kms:Revoke*\", \"kms:Disable*\", \"kms:Get*\", \"kms:Delete*\","
                + " \"kms:TagResource\", \"kms:UntagResource\", \"kms:ScheduleKeyDeletion\","
                + " \"kms:CancelKeyDeletion\", \"kms:RotateKeyOnDemand\"],\n"
                + "      \"Resource\": \"*\"\n"
                + "    },\n"
                + "    {\n"
                + "      \"Sid\": \"Allow use of the key\",\n"
                + "      \"Effect\": \"Allow\",\n"
                + "      \"Principal\": {\"AWS\": \"" + userArn + "\"},\n"
                + "      \"Action\": [\"kms:Encrypt\", \"kms:Decrypt\", \"kms:ReEncrypt*\", \"kms:GenerateDataKey*\","
                + " \"kms:DescribeKey\"],\n"
                + "      \"Resource\": \"*\"\n"
                + "    }" + extra + "\n"
                + "  ]\n"
                + "}";
    }

    /** An IAM identity policy allowing {@code actions} on {@code resource}. */
    static String iamAllow(String resource, String... actions) {
        StringBuilder list = new StringBuilder();
        for (String a : actions) {
            list.append(list.length() == 0 ? "" : ", ").append('"').append(a).append('"');
        }
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [" + list
                + "], \"Resource\": \"" + resource + "\"}]}";
    }
}
