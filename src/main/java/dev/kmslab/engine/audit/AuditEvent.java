package dev.kmslab.engine.audit;

import dev.kmslab.engine.policy.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One audited call, shaped like a CloudTrail record. {@code requestParameters} never holds plaintext, data keys or
 * ciphertext bodies; the encryption context is included because CloudTrail logs it too. {@code errorCode} and
 * {@code errorMessage} are null for a successful call. {@code keyArn} is null when the call named no existing key.
 *
 * <p>{@code authorizationExplanation} says why the call was allowed or denied: for a policy decision its one-line
 * summary (e.g. {@code ALLOWED_BY_KEY_POLICY by key policy statement "Allow use of the key" (line 19)}), followed for
 * a denial by the full statement-by-statement explanation. {@code authorizationDecisions} are the policy decisions
 * themselves (two for ReEncrypt), so a viewer can show {@link Decision#explain()} for an allowed call too without
 * the engine formatting it on every call; empty when the authorizer does not evaluate policies.
 *
 * <p>{@code awsRegion} is the Region whose engine handled the call (CloudTrail's field of the same name), so one log
 * can hold the events of several simulated Regions; null in events made without one.
 *
 * <p>{@code eventSource} is null for the engine's own KMS events (all from {@code kms.amazonaws.com}) and names the
 * service otherwise ({@code sts.amazonaws.com} for the endpoint's AssumeRole). {@code responseElements} is what
 * CloudTrail records of the answer (for AssumeRole: the assumed-role user and the access key id, never the secret or
 * the session token); null when the event has none.
 *
 * <p>{@code accessKeyId} is the access key id that signed the request (CloudTrail's {@code userIdentity.accessKeyId}):
 * for an assumed-role session the temporary {@code ASIA…} id; null for calls made in the app. Never the secret access
 * key or the session token.
 */
public record AuditEvent(String eventId, Instant eventTime, String eventName, String principalArn, String keyArn,
                         Map<String, Object> requestParameters, String errorCode, String errorMessage,
                         String requestId, String authorizationExplanation,
                         List<Decision> authorizationDecisions, String awsRegion, String eventSource,
                         Map<String, Object> responseElements, String accessKeyId) {

    public AuditEvent {
        authorizationDecisions = authorizationDecisions == null ? List.of()
                : List.copyOf(authorizationDecisions);
    }

    /** An event without an access key (a call made in the app, or by the service). */
    public AuditEvent(String eventId, Instant eventTime, String eventName, String principalArn, String keyArn,
                      Map<String, Object> requestParameters, String errorCode, String errorMessage, String requestId,
                      String authorizationExplanation, List<Decision> authorizationDecisions, String awsRegion,
                      String eventSource, Map<String, Object> responseElements) {
        this(eventId, eventTime, eventName, principalArn, keyArn, requestParameters, errorCode, errorMessage,
                requestId, authorizationExplanation, authorizationDecisions, awsRegion, eventSource,
                responseElements, null);
    }

    /** A KMS event (no other event source, no response elements). */
    public AuditEvent(String eventId, Instant eventTime, String eventName, String principalArn, String keyArn,
                      Map<String, Object> requestParameters, String errorCode, String errorMessage, String requestId,
                      String authorizationExplanation, List<Decision> authorizationDecisions, String awsRegion) {
        this(eventId, eventTime, eventName, principalArn, keyArn, requestParameters, errorCode, errorMessage,
                requestId, authorizationExplanation, authorizationDecisions, awsRegion, null, null);
    }

    /** An event without a Region. */
    public AuditEvent(String eventId, Instant eventTime, String eventName, String principalArn, String keyArn,
                      Map<String, Object> requestParameters, String errorCode, String errorMessage, String requestId,
                      String authorizationExplanation, List<Decision> authorizationDecisions) {
        this(eventId, eventTime, eventName, principalArn, keyArn, requestParameters, errorCode, errorMessage,
                requestId, authorizationExplanation, authorizationDecisions, null);
    }

    /** An event without policy decisions. */
    public AuditEvent(String eventId, Instant eventTime, String eventName, String principalArn, String keyArn,
                      Map<String, Object> requestParameters, String errorCode, String errorMessage, String requestId,
                      String authorizationExplanation) {
        this(eventId, eventTime, eventName, principalArn, keyArn, requestParameters, errorCode, errorMessage,
                requestId, authorizationExplanation, List.of());
    }

    public boolean isError() {
        return errorCode != null;
    }

    /** The full explanation of every policy decision of the call, formatted on demand; empty when there were none. */
    public String explainAuthorization() {
        StringBuilder out = new StringBuilder();
        for (Decision d : authorizationDecisions) {
            out.append(d.explain());
        }
        return out.toString();
    }

    /** Leaves the decisions out: their traces are long, and the explanation line already says what decided. */
    @Override
    public String toString() {
        return "AuditEvent[eventId=" + eventId + ", eventTime=" + eventTime + ", eventName=" + eventName
                + ", principalArn=" + principalArn + ", keyArn=" + keyArn + ", requestParameters=" + requestParameters
                + ", errorCode=" + errorCode + ", errorMessage=" + errorMessage + ", requestId=" + requestId
                + ", authorizationExplanation=" + authorizationExplanation + ", awsRegion=" + awsRegion
                + (eventSource == null ? "" : ", eventSource=" + eventSource)
                + (responseElements == null ? "" : ", responseElements=" + responseElements)
                + (accessKeyId == null ? "" : ", accessKeyId=" + accessKeyId)
                + ", authorizationDecisions=" + authorizationDecisions.size() + "]";
    }
}
