package dev.kmslab.engine.error;

/** The cluster (in KMS Lab: the token's module library) cannot be found. */
public class CloudHsmClusterNotFoundException extends KmsException {

    public CloudHsmClusterNotFoundException(String message) {
        super(message);
    }
}
