package dev.kmslab.flow;

import dev.kmslab.engine.audit.AuditEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one call from the audit log (for example a call that arrived from the AWS CLI through the local endpoint)
 * into a short flow: the request, the authorization decision, the answer or the error, and the CloudTrail-style
 * record. The audit log never holds plaintext, so neither does this flow: it shows the call's parameters only.
 */
public final class AuditEventFlow {

    private AuditEventFlow() {
    }

    public static Flow of(AuditEvent event) {
        Actor caller = new Actor("client", callerName(event.principalArn()), ActorKind.CLIENT);
        Actor kms = Actor.kms();
        Actor trail = Actor.cloudTrail();
        Map<String, String> parameters = new LinkedHashMap<>();
        event.requestParameters().forEach((k, v) -> parameters.put(k, String.valueOf(v)));
        boolean failed = event.errorCode() != null;
        boolean deniedByPolicy = "AccessDeniedException".equals(event.errorCode());
        String decision = event.authorizationExplanation() == null ? "" : event.authorizationExplanation();

        Step request = new Step(caller.id(), kms.id(), event.eventName(), true, parameters, List.of(),
                event.principalArn() + " calls " + event.eventName()
                        + (event.keyArn() == null ? "." : " on " + event.keyArn() + "."),
                "", List.of(), Optional.empty());
        Step authorize = new Step(kms.id(), kms.id(), "Authorize", false, Map.of("Decision",
                deniedByPolicy ? "Denied" : "Allowed"), List.of(),
                "KMS evaluates the key policy, the caller's IAM policies and any grants before it touches the key.",
                "An explicit Deny wins; without an Allow from the key policy, IAM (where the key policy delegates "
                        + "to the account) or a grant, the call is denied.",
                List.of(), Optional.empty(), decision.isBlank() ? "" : FlowSession.simulatorExplanation(decision));
        Step answer = new Step(kms.id(), caller.id(), failed ? event.errorCode() : event.eventName() + " response",
                true, Map.of("RequestId", event.requestId()), List.of(),
                failed ? "The call fails with " + event.errorCode() + ": " + event.errorMessage()
                        : "The call succeeds and KMS answers the caller.",
                "", List.of(),
                failed ? Optional.of(new Failure(event.errorCode(), event.errorMessage())) : Optional.empty());
        // Only fields a real CloudTrail record has: the lab's authorization explanation is shown apart, above.
        Map<String, String> recordFields = new LinkedHashMap<>();
        recordFields.put("eventID", event.eventId());
        recordFields.put("eventTime", event.eventTime().toString());
        if (failed) {
            recordFields.put("errorCode", event.errorCode());
            recordFields.put("errorMessage", event.errorMessage() == null ? "" : event.errorMessage());
        }
        Step record = new Step(kms.id(), trail.id(), "Log " + event.eventName(), false, recordFields, List.of(),
                "Every KMS call, allowed or denied, is recorded with who called, what, on which key and with which "
                        + "encryption context — never the plaintext.",
                "CloudTrail is how you prove who used a key and when.", List.of(), Optional.empty());
        return new Flow("audit-" + event.eventId(), event.eventName() + " from the audit log",
                "A call recorded at " + event.eventTime() + ", replayed step by step.",
                List.of(caller, kms, trail), List.of(request, authorize, answer, record), List.of());
    }

    private static String callerName(String principalArn) {
        if (principalArn == null) {
            return "Caller";
        }
        int slash = principalArn.indexOf('/');
        return slash < 0 ? principalArn.substring(principalArn.lastIndexOf(':') + 1)
                : principalArn.substring(slash + 1);
    }
}
