package dev.kmslab.server.sts;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.server.auth.Credential;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * AssumeRole in the audit trail, shaped like CloudTrail's record of it: {@code eventSource} {@code sts.amazonaws.com},
 * the caller as {@code principalArn}, {@code requestParameters} {@code roleArn}, {@code roleSessionName},
 * {@code durationSeconds} and {@code externalId} as sent, and for a success {@code responseElements} with the
 * credentials' {@code accessKeyId} and {@code expiration} and the {@code assumedRoleUser}. CloudTrail's own record also
 * carries the session token; the lab's never holds the token or the secret access key, so an audit file or an export
 * can be shared without handing out a working session. A refusal has {@code errorCode} and {@code errorMessage} as
 * the caller received them and no response elements.
 */
final class StsAudit {

    static final String EVENT_SOURCE = "sts.amazonaws.com";
    static final String ASSUME_ROLE = "AssumeRole";

    /** What AssumeRole handed out, as far as the trail may say. */
    record Issued(String accessKeyId, Instant expiration, String assumedRoleId, String arn, String explanation) {
    }

    private StsAudit() {
    }

    static void assumed(KmsEngine engine, Credential caller, QueryParameters params, String requestId,
                        Issued issued) {
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("accessKeyId", issued.accessKeyId());
        credentials.put("expiration", issued.expiration().toString());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("assumedRoleId", issued.assumedRoleId());
        user.put("arn", issued.arn());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("credentials", credentials);
        response.put("assumedRoleUser", user);
        record(engine, caller, params, requestId, null, null, issued.explanation(), response);
    }

    static void refused(KmsEngine engine, Credential caller, QueryParameters params, String requestId,
                        StsError error) {
        record(engine, caller, params, requestId, error.code(), error.getMessage(),
                "Refused by the lab's STS: " + error.getMessage(), null);
    }

    private static void record(KmsEngine engine, Credential caller, QueryParameters params, String requestId,
                               String errorCode, String errorMessage, String explanation,
                               Map<String, Object> response) {
        Map<String, Object> request = new LinkedHashMap<>();
        put(request, "roleArn", params.get("RoleArn"));
        put(request, "roleSessionName", params.get("RoleSessionName"));
        String duration = params.get("DurationSeconds");
        if (duration != null && !duration.isEmpty()) {
            Object value = duration;
            try {
                value = Integer.parseInt(duration.trim());
            } catch (NumberFormatException e) {
                // Recorded as sent: the refusal says why it is not a number.
            }
            request.put("durationSeconds", value);
        }
        put(request, "externalId", params.get("ExternalId"));
        engine.auditLog().record(new AuditEvent(UUID.randomUUID().toString(), engine.now(), ASSUME_ROLE,
                caller.principalArn(), null, request, errorCode, errorMessage, requestId, explanation, List.of(),
                engine.region(), EVENT_SOURCE, response));
    }

    private static void put(Map<String, Object> into, String name, String value) {
        if (value != null && !value.isEmpty()) {
            into.put(name, value);
        }
    }
}
