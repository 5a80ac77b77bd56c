package dev.kmslab.engine.policy;

/** An IAM user, {@code arn:aws:iam::<account>:user<path><name>}; the path is {@code /} unless given. */
public record IamUser(String accountId, String path, String name) implements Principal {

    public IamUser {
        PrincipalNames.requireAccountId(accountId);
        path = PrincipalNames.checkPath(path);
        PrincipalNames.requireName(name, "user");
    }

    public IamUser(String accountId, String name) {
        this(accountId, "/", name);
    }

    @Override
    public String arn() {
        return "arn:aws:iam::" + accountId + ":user" + path + name;
    }
}
