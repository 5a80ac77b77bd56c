package dev.kmslab.engine.model;

/** ListRetirableGrants: grants, on any key of the account, that name this retiring principal; limit 1–100. */
public record ListRetirableGrantsRequest(String retiringPrincipal, Integer limit, String marker) {

    public static ListRetirableGrantsRequest of(String retiringPrincipal) {
        return new ListRetirableGrantsRequest(retiringPrincipal, null, null);
    }
}
