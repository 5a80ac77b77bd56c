package dev.kmslab.server;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.server.auth.PresentedKey;
import dev.kmslab.server.auth.SigV4;
import dev.kmslab.server.error.WireError;
import dev.kmslab.server.ops.OperationTable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A KMS call refused before its caller was authenticated (no or unreadable Authorization header, unknown access key,
 * wrong signature, wrong or expired session token), in the audit trail as the STS side records its own: the KMS
 * operation its {@code X-Amz-Target} names, the {@code errorCode} and {@code errorMessage} the caller received, the
 * access key id it presented ({@code userIdentity.accessKeyId}, empty when it named none) and no principal, since the
 * request never proved whose it was. No request parameters are recorded (the body was never trusted), and never the
 * signature, a secret or a session token. Only names of real KMS operations are recorded, so a stranger cannot fill
 * the trail with names of its choosing; the event goes to the home account's trail in the Region the credential scope
 * names (the endpoint's first Region when it names none it serves).
 */
final class UnauthenticatedCalls {

    private UnauthenticatedCalls() {
    }

    static void record(Function<String, KmsEngine> engines, List<String> regions, SigV4.HeaderValues headers,
                       String target, String requestId, WireError error) {
        if (target == null || !target.startsWith(KmsRequestHandler.TARGET_PREFIX)) {
            return;
        }
        String operation = target.substring(KmsRequestHandler.TARGET_PREFIX.length());
        if (!OperationTable.AWS_KMS_OPERATIONS.contains(operation)) {
            return;
        }
        PresentedKey presented = PresentedKey.of(headers, regions);
        KmsEngine engine;
        try {
            engine = engines.apply(presented.region());
        } catch (WireError unavailable) {
            return; // the lab's engines are being reopened: there is no trail to write to
        }
        String keyId = presented.accessKeyId();
        engine.auditLog().record(new AuditEvent(UUID.randomUUID().toString(), engine.now(), operation, null, null,
                Map.of(), error.type(), error.getMessage(), requestId, "Refused before authentication: "
                + error.getMessage() + (keyId == null ? " (the request named no access key)"
                : " The request presented access key " + keyId + "; no principal is named because the request "
                + "did not prove it holds that key's secret."), List.of(), engine.region(), null, null,
                keyId == null ? "" : keyId));
    }
}
