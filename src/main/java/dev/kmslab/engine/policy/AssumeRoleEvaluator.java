package dev.kmslab.engine.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides sts:AssumeRole as IAM does for role trust policies, which, like KMS key policies, must allow the caller
 * explicitly:
 * <ol>
 *   <li>an account root may not assume roles at all;</li>
 *   <li>a Deny in the trust policy or in the caller's identity policies wins;</li>
 *   <li>in the role's own account, a trust policy statement that names the caller (its ARN, or for a session its
 *       role's ARN) suffices; one that names only the account needs an Allow of sts:AssumeRole on the role in the
 *       caller's identity policies as well;</li>
 *   <li>from another account, the trust policy must name the caller or its account, and the caller's identity policies
 *       must allow sts:AssumeRole on the role;</li>
 *   <li>otherwise the call is denied.</li>
 * </ol>
 * Conditions can test aws:PrincipalArn, aws:PrincipalAccount, aws:userid, sts:RoleSessionName and sts:ExternalId.
 */
public final class AssumeRoleEvaluator {

    private AssumeRoleEvaluator() {
    }

    /**
     * @param identityPolicies the caller's identity policies (for a session, its role's)
     * @param externalId       the ExternalId the caller passed, or null
     */
    public static AssumeRoleDecision evaluate(Principal caller, List<AttachedPolicy> identityPolicies, IamRole role,
                                              PolicyDocument trust, String sessionName, String externalId) {
        String denied = "User: " + caller.arn() + " is not authorized to perform: " + StsActions.ASSUME_ROLE
                + " on resource: " + role.arn();
        if (caller instanceof AccountRoot) {
            return deny("Roles may not be assumed by root accounts.");
        }
        if (caller.accountId() == null) {
            return deny(denied + " because only IAM users and roles can assume roles");
        }
        Map<String, List<String>> values = conditionValues(caller, sessionName, externalId);
        Statement trustDeny = null;
        Statement direct = null;
        Statement account = null;
        for (Statement st : trust.statements()) {
            PrincipalMatch match = st.principal().match(caller);
            if (match == PrincipalMatch.NONE || !applies(st, role.arn(), values)) {
                continue;
            }
            if (st.effect() == Effect.DENY) {
                trustDeny = trustDeny == null ? st : trustDeny;
            } else if (match == PrincipalMatch.DIRECT) {
                direct = direct == null ? st : direct;
            } else {
                account = account == null ? st : account;
            }
        }
        Statement iamDeny = null;
        Statement iamAllow = null;
        for (AttachedPolicy policy : identityPolicies) {
            for (Statement st : policy.document().statements()) {
                if (!applies(st, role.arn(), values)) {
                    continue;
                }
                if (st.effect() == Effect.DENY) {
                    iamDeny = iamDeny == null ? st : iamDeny;
                } else {
                    iamAllow = iamAllow == null ? st : iamAllow;
                }
            }
        }
        if (trustDeny != null) {
            return deny(denied + " with an explicit deny in the role's trust policy (statement " + trustDeny.label()
                    + ")");
        }
        if (iamDeny != null) {
            return deny(denied + " with an explicit deny in an identity-based policy (statement " + iamDeny.label()
                    + ")");
        }
        boolean sameAccount = caller.accountId().equals(role.accountId());
        if (sameAccount && direct != null) {
            return allow(caller, role, sessionName, "the role's trust policy names the caller (statement "
                    + direct.label() + ")");
        }
        Statement trusted = direct != null ? direct : account;
        if (trusted != null && iamAllow != null) {
            return allow(caller, role, sessionName, "the role's trust policy trusts "
                    + (direct != null ? "the caller" : "the caller's account") + " (statement " + trusted.label()
                    + ") and an identity-based policy allows sts:AssumeRole on the role (statement "
                    + iamAllow.label() + ")");
        }
        if (trusted == null) {
            return deny(denied + " because no statement in the role's trust policy allows the caller"
                    + (sameAccount ? "" : " or its account " + caller.accountId()));
        }
        return deny(denied + " because no identity-based policy allows the sts:AssumeRole action on the role"
                + (sameAccount ? " (the trust policy names only the account, which leaves the decision to IAM)"
                : " (from another account both the trust policy and the caller's IAM policies must allow it)"));
    }

    private static boolean applies(Statement st, String roleArn, Map<String, List<String>> values) {
        if (!StsActions.covers(st.action(), StsActions.ASSUME_ROLE) || !st.resource().matches(roleArn)) {
            return false;
        }
        for (ConditionClause clause : st.conditions()) {
            if (!clause.evaluate(values.get(clause.lowerKey()))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, List<String>> conditionValues(Principal caller, String sessionName,
                                                             String externalId) {
        Map<String, List<String>> values = new HashMap<>();
        values.put(ConditionKeys.lower(ConditionKeys.PRINCIPAL_ARN), List.of(caller.principalArnConditionValue()));
        values.put(ConditionKeys.lower(ConditionKeys.PRINCIPAL_ACCOUNT), List.of(caller.accountId()));
        String userId = PrincipalIds.userId(caller);
        if (userId != null) {
            values.put(ConditionKeys.lower(ConditionKeys.USER_ID), List.of(userId));
        }
        if (sessionName != null) {
            values.put("sts:rolesessionname", List.of(sessionName));
        }
        if (externalId != null) {
            values.put("sts:externalid", List.of(externalId));
        }
        return values;
    }

    private static AssumeRoleDecision allow(Principal caller, IamRole role, String sessionName, String because) {
        return new AssumeRoleDecision(true, role.session(sessionName), "ALLOWED: " + caller.arn()
                + " may assume " + role.arn() + " because " + because + ".");
    }

    private static AssumeRoleDecision deny(String message) {
        return new AssumeRoleDecision(false, null, message);
    }
}
