package dev.kmslab.server.sts;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.error.NotFoundException;
import dev.kmslab.engine.policy.AssumeRoleDecision;
import dev.kmslab.engine.policy.Principal;
import dev.kmslab.engine.policy.PrincipalDirectory;
import dev.kmslab.engine.policy.PrincipalIds;
import dev.kmslab.engine.policy.Principals;
import dev.kmslab.server.auth.Credential;
import dev.kmslab.server.auth.CredentialResolver;
import dev.kmslab.server.auth.PresentedKey;
import dev.kmslab.server.auth.SigV4Verifier;
import dev.kmslab.server.error.WireError;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * STS on the KMS endpoint's port, in the AWS Query protocol: a form-encoded POST with {@code Action} and
 * {@code Version=2011-06-15}, signed with SigV4 for service {@code sts}, answered in XML (errors as
 * {@code <ErrorResponse>}). Two actions:
 * <ul>
 *   <li>AssumeRole: the role's trust policy and the caller's identity policies decide (see the engine's
 *       AssumeRoleEvaluator); DurationSeconds is 900 seconds up to the role's MaxSessionDuration (default 3600), and at
 *       most an hour when a role session assumes a role (role chaining). The temporary credentials expire on the
 *       engine's clock.</li>
 *   <li>GetCallerIdentity: who signed the request, as UserId, Account and Arn; needs no permission.</li>
 * </ul>
 */
public final class StsEndpoint {

    public static final String SERVICE = "sts";
    public static final String VERSION = "2011-06-15";
    private static final int DEFAULT_DURATION = 3600;
    private static final int MIN_DURATION = 900;
    private static final int CHAINED_MAX = 3600;
    private static final Pattern SESSION_NAME = Pattern.compile("^[\\w+=,.@-]{2,64}$");
    private static final Set<String> NOT_MODELLED = Set.of("Policy", "PolicyArns", "Tags", "TransitiveTagKeys",
            "SerialNumber", "TokenCode", "SourceIdentity", "ProvidedContexts");

    /** One answered request, for the HTTP layer to send and report. */
    public record Answer(int status, byte[] body, String action, String accessKeyId, String principalArn,
                         String errorCode, String errorMessage) {
    }

    private final Function<String, KmsEngine> engines;
    private final List<String> regions;
    private final SessionCredentials sessions;
    private final CredentialResolver credentials;
    private final SigV4Verifier verifier;

    /**
     * @param regions  the Regions the endpoint serves (a request's credential scope picks the engine)
     * @param longTerm the endpoint's long-term access keys
     */
    public StsEndpoint(List<String> regions, Function<String, KmsEngine> engines, CredentialResolver longTerm,
                       Clock wallClock) {
        this(regions, engines, longTerm, wallClock, SessionStore.inMemory());
    }

    /** @param store where sessions are kept so that a restarted endpoint still accepts them */
    public StsEndpoint(List<String> regions, Function<String, KmsEngine> engines, CredentialResolver longTerm,
                       Clock wallClock, SessionStore store) {
        this.engines = engines;
        this.regions = List.copyOf(regions);
        // Every linked Region shares one clock, so the default Region's engine times every session.
        String first = regions.get(0);
        this.sessions = new SessionCredentials(() -> engines.apply(first).now(), store);
        this.credentials = sessions.before(longTerm);
        this.verifier = new SigV4Verifier(credentials, regions, wallClock, SERVICE);
    }

    /** Session credentials first, then the long-term keys: what both protocols verify signatures against. */
    public CredentialResolver credentials() {
        return credentials;
    }

    /** A Query request (form-encoded, no {@code X-Amz-Target}) rather than an AWS JSON one. */
    public static boolean isQueryRequest(String amzTarget, String contentType) {
        return (amzTarget == null || amzTarget.isBlank()) && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    public Answer handle(SigV4Verifier.SignedRequest request, String requestId) {
        String action = null;
        Credential caller = null;
        QueryParameters params = null;
        KmsEngine audited = null;
        try {
            params = QueryParameters.parse(request.body());
            action = params.get("Action");
            SigV4Verifier.Verified verified;
            try {
                verified = verify(request);
            } catch (StsError e) {
                auditUnauthenticated(request, action, params, requestId, e);
                throw e;
            }
            caller = verified.credential();
            if (!"POST".equals(request.method())) {
                throw new StsError(400, "InvalidAction", "STS actions are sent with POST here, not "
                        + request.method() + ".");
            }
            String version = params.required("Version");
            String name = params.required("Action");
            if (!VERSION.equals(version) || !(name.equals("AssumeRole") || name.equals("GetCallerIdentity"))) {
                throw new StsError(400, "InvalidAction", "Could not find operation " + name + " for version "
                        + version + ". KMS Lab serves AssumeRole and GetCallerIdentity of " + VERSION + ".");
            }
            KmsEngine engine = engines.apply(verified.region());
            // An authenticated call is in the trail whatever its outcome, as CloudTrail records it.
            audited = engine;
            byte[] body;
            if (name.equals("AssumeRole")) {
                body = assumeRole(engine, caller, params, requestId);
            } else {
                body = getCallerIdentity(caller, requestId);
                StsAudit.callerIdentity(engine, caller, requestId, null);
            }
            return new Answer(200, body, action, caller.accessKeyId(), caller.principalArn(), null, null);
        } catch (StsError e) {
            if (audited != null) {
                if (StsAudit.ASSUME_ROLE.equals(action)) {
                    StsAudit.refused(audited, caller, params, requestId, e);
                } else {
                    StsAudit.callerIdentity(audited, caller, requestId, e);
                }
            }
            return failure(e, action, caller, requestId);
        }
    }

    /**
     * Records an AssumeRole or GetCallerIdentity refused before authentication, in the Region its credential scope
     * names (the default Region when it names none the endpoint serves), with the access key id it presented.
     */
    private void auditUnauthenticated(SigV4Verifier.SignedRequest request, String action, QueryParameters params,
                                      String requestId, StsError error) {
        if (!StsAudit.ASSUME_ROLE.equals(action) && !StsAudit.GET_CALLER_IDENTITY.equals(action)) {
            return;
        }
        PresentedKey presented = PresentedKey.of(request.headers(), regions);
        KmsEngine engine;
        try {
            engine = engines.apply(presented.region());
        } catch (WireError unavailable) {
            return; // the lab's engines are being reopened: there is no trail to write to
        }
        StsAudit.unauthenticated(engine, action, presented.accessKeyId(), params, requestId, error);
    }

    private SigV4Verifier.Verified verify(SigV4Verifier.SignedRequest request) {
        try {
            return verifier.verifyScoped(request);
        } catch (WireError e) {
            throw StsError.of(e);
        }
    }

    private byte[] assumeRole(KmsEngine engine, Credential caller, QueryParameters params, String requestId) {
        params.refuse(NOT_MODELLED, "session policies, session tags, MFA and source identity are not simulated; "
                + "leave it out.");
        String roleArn = params.required("RoleArn");
        String sessionName = params.required("RoleSessionName");
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw StsError.validation("1 validation error detected: Value '" + sessionName + "' at "
                    + "'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression "
                    + "pattern: [\\w+=,.@-]* and have length between 2 and 64");
        }
        int duration = duration(params.get("DurationSeconds"));
        String externalId = params.get("ExternalId");
        AssumeRoleDecision decision;
        try {
            decision = engine.principals().authorizeAssumeRole(caller.principalArn(), roleArn, sessionName,
                    externalId);
        } catch (NotFoundException e) {
            // AWS does not tell a caller whether a role it may not assume exists; the lab says why it refused.
            throw StsError.accessDenied("User: " + caller.principalArn() + " is not authorized to perform: "
                    + "sts:AssumeRole on resource: " + roleArn + " because the role does not exist in this lab's "
                    + "IAM directory");
        } catch (KmsException e) {
            throw StsError.validation(e.getMessage());
        }
        if (!decision.allowed()) {
            throw StsError.accessDenied(decision.explanation());
        }
        int max = engine.principals().maxSessionDuration(decision.session().role().accountId(),
                decision.session().role().name());
        if (caller.temporary() && duration > CHAINED_MAX) {
            throw StsError.validation("The requested DurationSeconds exceeds the 1 hour session limit for roles "
                    + "assumed by role chaining.");
        }
        if (duration > max) {
            throw StsError.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this "
                    + "role (" + max + " seconds).");
        }
        Instant expiration = engine.now().plus(Duration.ofSeconds(duration)).truncatedTo(ChronoUnit.SECONDS);
        String sessionArn = decision.session().arn();
        Credential issued;
        try {
            issued = sessions.issue(sessionArn, expiration);
        } catch (IOException e) {
            throw new StsError(500, "InternalFailure", "The session could not be saved in the lab's data folder ("
                    + e.getMessage() + "); no credentials were issued.");
        }
        String assumedRoleId = PrincipalIds.userId(decision.session());
        StsAudit.assumed(engine, caller, params, requestId, new StsAudit.Issued(issued.accessKeyId(), expiration,
                assumedRoleId, sessionArn, decision.explanation()));
        return StsXml.result("AssumeRole")
                .open("Credentials")
                .element("AccessKeyId", issued.accessKeyId())
                .element("SecretAccessKey", issued.secretAccessKey())
                .element("SessionToken", issued.sessionToken())
                .element("Expiration", expiration.toString())
                .close("Credentials")
                .open("AssumedRoleUser")
                .element("AssumedRoleId", assumedRoleId)
                .element("Arn", sessionArn)
                .close("AssumedRoleUser")
                .finish("AssumeRole", requestId);
    }

    private static int duration(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_DURATION;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw StsError.validation("DurationSeconds must be a whole number of seconds, not '" + text + "'.");
        }
        if (seconds < MIN_DURATION || seconds > PrincipalDirectory.MAX_MAX_SESSION_SECONDS) {
            throw StsError.validation("1 validation error detected: Value '" + seconds + "' at 'durationSeconds' "
                    + "failed to satisfy constraint: Member must have value " + (seconds < MIN_DURATION
                    ? "greater than or equal to " + MIN_DURATION
                    : "less than or equal to " + PrincipalDirectory.MAX_MAX_SESSION_SECONDS));
        }
        return seconds;
    }

    private static byte[] getCallerIdentity(Credential caller, String requestId) {
        String arn = caller.principalArn();
        Principal principal = Principals.tryParse(arn).orElse(null);
        String account = principal == null ? "" : principal.accountId();
        String userId = principal == null ? null : PrincipalIds.userId(principal);
        return StsXml.result("GetCallerIdentity")
                .element("UserId", userId == null ? account : userId)
                .element("Account", account)
                .element("Arn", arn)
                .finish("GetCallerIdentity", requestId);
    }

    /** The answer to a request refused before it could be read (an oversized body, say); not audited. */
    public static Answer refused(WireError e, String requestId) {
        return failure(StsError.of(e), null, null, requestId);
    }

    private static Answer failure(StsError e, String action, Credential caller, String requestId) {
        return new Answer(e.status(), StsXml.error(e, requestId), action,
                caller == null ? null : caller.accessKeyId(), caller == null ? null : caller.principalArn(),
                e.code(), e.getMessage());
    }
}
