package dev.kmslab.engine.model;

/** HMAC algorithms for GenerateMac and VerifyMac. Constant names are the AWS wire values. */
public enum MacAlgorithmSpec {
    HMAC_SHA_224, HMAC_SHA_256, HMAC_SHA_384, HMAC_SHA_512
}
