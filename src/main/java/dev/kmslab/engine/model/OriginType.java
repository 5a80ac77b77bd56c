package dev.kmslab.engine.model;

/** Where a key's material comes from; KMS Lab implements AWS_KMS so far. Constant names are the AWS wire values. */
public enum OriginType {
    AWS_KMS, EXTERNAL, AWS_CLOUDHSM, EXTERNAL_KEY_STORE
}
