package dev.kmslab.engine.model;

/**
 * Wrapping algorithms for imported key material (GetParametersForImport WrappingAlgorithm). RSAES_OAEP_* encrypt the
 * key material directly with the RSA wrapping key; RSA_AES_KEY_WRAP_* wrap a fresh AES-256 key with RSA-OAEP and the
 * material with that AES key (AES Key Wrap with Padding, RFC 5649). AWS stopped accepting RSAES_PKCS1_V1_5 on
 * 10 October 2023, so it is listed only to be refused. Constant names are the AWS wire values.
 */
public enum AlgorithmSpec {
    RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, RSA_AES_KEY_WRAP_SHA_1, RSA_AES_KEY_WRAP_SHA_256
}
