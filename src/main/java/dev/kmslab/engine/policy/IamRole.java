package dev.kmslab.engine.policy;

/** An IAM role, {@code arn:aws:iam::<account>:role<path><name>}. A role acts through its sessions. */
public record IamRole(String accountId, String path, String name) implements Principal {

    public IamRole {
        PrincipalNames.requireAccountId(accountId);
        path = PrincipalNames.checkPath(path);
        PrincipalNames.requireName(name, "role");
    }

    public IamRole(String accountId, String name) {
        this(accountId, "/", name);
    }

    @Override
    public String arn() {
        return "arn:aws:iam::" + accountId + ":role" + path + name;
    }

    /** A session of this role, as AssumeRole would create it. */
    public AssumedRoleSession session(String sessionName) {
        return new AssumedRoleSession(this, sessionName);
    }
}
