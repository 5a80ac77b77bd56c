package dev.kmslab.engine.policy;

/** The root user of an account, {@code arn:aws:iam::<account>:root}; in a policy it also stands for the account. */
public record AccountRoot(String accountId) implements Principal {

    public AccountRoot {
        PrincipalNames.requireAccountId(accountId);
    }

    @Override
    public String arn() {
        return Principal.rootArn(accountId);
    }
}
