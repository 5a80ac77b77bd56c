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
 * STS calls in the audit trail, shaped like CloudTrail's records of them. Every event names the access key id that
 * signed the request ({@code userIdentity.accessKeyId}; never its secret or session token). GetCallerIdentity is
 * recorded with no request parameters or response elements. AWS CloudTrail records every authenticated STS call; the
 * lab also records an AssumeRole or GetCallerIdentity refused before authentication (unknown access key, bad signature,
 * expired or wrong session token), with the access key id the request presented and no principal, since the request
 * never proved whose it was (CloudTrail may leave such requests out). AssumeRole is recorded as CloudTrail records it: {@code eventSource} {@code sts.amazonaws.com},
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
    static final String GET_CALLER_IDENTITY = "GetCallerIdentity";

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

    /** A GetCallerIdentity answered (or refused after authentication, for a bad Version, say). */
    static void callerIdentity(KmsEngine engine, Credential caller, String requestId, StsError error) {
        engine.auditLog().record(new AuditEvent(UUID.randomUUID().toString(), engine.now(), GET_CALLER_IDENTITY,
                caller.principalArn(), null, Map.of(), error == null ? null : error.code(),
                error == null ? null : error.getMessage(), requestId, error == null
                ? "GetCallerIdentity needs no permission: any valid credentials may ask who they are."
                : "Refused by the lab's STS: " + error.getMessage(), List.of(), engine.region(), EVENT_SOURCE, null,
                caller.accessKeyId()));
    }

    /**
     * An AssumeRole or GetCallerIdentity refused before the caller was authenticated: no principal, the access key id
     * as presented (empty when the request had no readable Authorization header).
     */
    static void unauthenticated(KmsEngine engine, String action, String presentedKeyId, QueryParameters params,
                                String requestId, StsError error) {
        Map<String, Object> request = action.equals(ASSUME_ROLE) && params != null ? parameters(params) : Map.of();
        engine.auditLog().record(new AuditEvent(UUID.randomUUID().toString(), engine.now(), action, null, null,
                request, error.code(), error.getMessage(), requestId, "Refused before authentication: "
                + error.getMessage() + (presentedKeyId == null ? " (the request named no access key)"
                : " The request presented access key " + presentedKeyId + "; no principal is named because the "
                + "request did not prove it holds that key's secret."), List.of(), engine.region(), EVENT_SOURCE,
                null, presentedKeyId == null ? "" : presentedKeyId));
    }

    private static void record(KmsEngine engine, Credential caller, QueryParameters params, String requestId,
                               String errorCode, String errorMessage, String explanation,
                               Map<String, Object> response) {
        engine.auditLog().record(new AuditEvent(UUID.randomUUID().toString(), engine.now(), ASSUME_ROLE,
                caller.principalArn(), null, parameters(params), errorCode, errorMessage, requestId, explanation,
                List.of(), engine.region(), EVENT_SOURCE, response, caller.accessKeyId()));
    }

    private static Map<String, Object> parameters(QueryParameters params) {
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
        return request;
    }

    private static void put(Map<String, Object> into, String name, String value) {
        if (value != null && !value.isEmpty()) {
            into.put(name, value);
        }
    }
}
