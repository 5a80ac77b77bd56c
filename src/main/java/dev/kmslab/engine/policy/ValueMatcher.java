package dev.kmslab.engine.policy;

/** The compiled values of one condition: does a request value match any of them? */
@FunctionalInterface
public interface ValueMatcher {

    boolean matchesAny(String requestValue);
}
