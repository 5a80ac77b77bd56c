package dev.kmslab.engine.policy;

import java.util.List;

/**
 * A role session, {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}. Its ARN carries no role path, so
 * a session parsed from an ARN has a role with path {@code /}.
 */
public record AssumedRoleSession(IamRole role, String sessionName) implements Principal {

    public AssumedRoleSession {
        if (role == null) {
            throw new IllegalArgumentException("a role session needs its role");
        }
        PrincipalNames.requireName(sessionName, "session");
    }

    @Override
    public String arn() {
        return "arn:aws:sts::" + role.accountId() + ":assumed-role/" + role.name() + "/" + sessionName;
    }

    @Override
    public String accountId() {
        return role.accountId();
    }

    @Override
    public List<String> policyArns() {
        return List.of(arn(), role.arn());
    }

    @Override
    public String principalArnConditionValue() {
        return role.arn();
    }
}
