package dev.kmslab.engine.policy;

/** An AWS service acting for itself, named in policies as {@code "Service": "s3.amazonaws.com"}. */
public record ServicePrincipal(String service) implements Principal {

    public ServicePrincipal {
        if (service == null || !PrincipalNames.isServiceName(service)) {
            throw new IllegalArgumentException("not an AWS service principal: " + service);
        }
    }

    @Override
    public String arn() {
        return service;
    }

    @Override
    public String accountId() {
        return null;
    }
}
