package dev.kmslab.engine.error;

/** The cluster (in KMS Lab: the token) already backs another custom key store. */
public class CloudHsmClusterInUseException extends KmsException {

    public CloudHsmClusterInUseException(String message) {
        super(message);
    }
}
