package dev.kmslab.server;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.server.auth.Credential;
import dev.kmslab.server.error.WireError;
import dev.kmslab.server.limits.RateLimit;
import java.util.List;
import java.util.Map;

/**
 * The answer to a request over its access key's rate limit: KMS's {@code ThrottlingException} (HTTP 400) with the
 * message KMS sends, recorded in the engine's audit log under the caller so the instructor sees whose loop was held
 * back. The engine never sees the request, so the event names no key and has no policy decision.
 */
final class Throttling {

    static final String TYPE = "ThrottlingException";
    /** The message AWS KMS returns when it throttles a request. */
    static final String MESSAGE = "You have exceeded the rate at which you may call KMS. Reduce the frequency of "
            + "your calls.";

    private Throttling() {
    }

    static WireError refuse(KmsEngine engine, Credential credential, String operation, String requestId,
                            RateLimit limit) {
        engine.auditLog().record(new AuditEvent(RequestIds.next(), engine.config().clock().now(), operation,
                credential.principalArn(), null, Map.of("accessKeyId", credential.accessKeyId()), TYPE, MESSAGE,
                requestId, "Throttled by the lab endpoint before reaching KMS: access key "
                + credential.accessKeyId() + " is limited to " + limit.describe() + ".", List.of(),
                engine.region(), null, null, credential.accessKeyId()));
        return new WireError(400, TYPE, MESSAGE);
    }
}
