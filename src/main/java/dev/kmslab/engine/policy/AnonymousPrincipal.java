package dev.kmslab.engine.policy;

/** An unauthenticated caller, shown as {@code anonymous}; only a policy whose Principal is {@code *} can match it. */
public record AnonymousPrincipal() implements Principal {

    public static final AnonymousPrincipal INSTANCE = new AnonymousPrincipal();

    @Override
    public String arn() {
        return "anonymous";
    }

    @Override
    public String accountId() {
        return null;
    }
}
