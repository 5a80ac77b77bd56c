package dev.kmslab.engine.policy;

/** An IAM user, {@code arn:aws:iam::<account>:user<path><name>}; the path is {@code /} unless given. */
public record IamUser(String accountId, String path, String name) implements Principal {

    public IamUser {
        Principals.requireAccountId(accountId);
        path = Principals.checkPath(path);
        Principals.requireName(name, "user");
    }

    public IamUser(String accountId, String name) {
        this(accountId, "/", name);
    }

    @Override
    public String arn() {
        return "arn:aws:iam::" + accountId + ":user" + path + name;
    }
}
