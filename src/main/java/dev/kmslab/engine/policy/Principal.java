package dev.kmslab.engine.policy;

import java.util.List;

/**
 * Who makes a request: an account root, an IAM user or role, a role session, an AWS service, or an anonymous caller.
 * Policies name principals by ARN; {@link #policyArns()} lists every ARN under which a policy may name this caller.
 */
public sealed interface Principal
        permits AccountRoot, IamUser, IamRole, AssumedRoleSession, ServicePrincipal, AnonymousPrincipal {

    /**
     * The ARN (a service name for a service, {@code anonymous} for no caller) that AWS prints as "User:" in an
     * access-denied message.
     */
    String arn();

    /** The account the principal belongs to, or {@code null} for services and anonymous callers. */
    String accountId();

    /**
     * ARNs a policy's Principal element may use to name this caller. An assumed-role session is also named by its
     * role's ARN, as in AWS, where a key policy that names a role applies to every session of that role.
     */
    default List<String> policyArns() {
        return List.of(arn());
    }

    /** The value of {@code aws:PrincipalArn}: the role ARN for a role session, the ARN itself otherwise. */
    default String principalArnConditionValue() {
        return arn();
    }

    /** The account root ARN for an account id. */
    static String rootArn(String accountId) {
        return "arn:aws:iam::" + accountId + ":root";
    }
}
