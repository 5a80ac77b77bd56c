package dev.kmslab.engine.audit;

import java.time.Instant;

/**
 * A filter over audit events; every null criterion matches everything. {@code from} is inclusive, {@code to}
 * exclusive.
 */
public record AuditQuery(String keyArn, String eventName, String principalArn, Instant from, Instant to,
                         boolean errorsOnly) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, false);
    }

    public AuditQuery forKey(String arn) {
        return new AuditQuery(arn, eventName, principalArn, from, to, errorsOnly);
    }

    public AuditQuery forEvent(String name) {
        return new AuditQuery(keyArn, name, principalArn, from, to, errorsOnly);
    }

    public AuditQuery forPrincipal(String arn) {
        return new AuditQuery(keyArn, eventName, arn, from, to, errorsOnly);
    }

    public AuditQuery between(Instant fromInclusive, Instant toExclusive) {
        return new AuditQuery(keyArn, eventName, principalArn, fromInclusive, toExclusive, errorsOnly);
    }

    public AuditQuery onlyErrors() {
        return new AuditQuery(keyArn, eventName, principalArn, from, to, true);
    }

    public boolean matches(AuditEvent e) {
        return (keyArn == null || keyArn.equals(e.keyArn()))
                && (eventName == null || eventName.equals(e.eventName()))
                && (principalArn == null || principalArn.equals(e.principalArn()))
                && (from == null || !e.eventTime().isBefore(from))
                && (to == null || e.eventTime().isBefore(to))
                && (!errorsOnly || e.isError());
    }
}
