package dev.kmslab.engine.model;

/** Who manages a key: AWS (AWS managed keys) or the customer. Constant names are the AWS wire values. */
public enum KeyManager {
    AWS, CUSTOMER
}
