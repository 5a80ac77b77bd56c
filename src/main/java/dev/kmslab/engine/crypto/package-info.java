/**
 * Cryptographic primitives and formats: AES-GCM, the ciphertext blob, the encryption-context encodings, and the
 * one sealed {@link dev.kmslab.engine.crypto.KeyMaterial} type for every kind of key material (AES, key pair,
 * HMAC) that the engine keeps in its state and seals in the keystore.
 */
package dev.kmslab.engine.crypto;
