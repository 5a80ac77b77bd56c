/** Cryptographic primitives and formats: AES-GCM, the ciphertext blob, the encryption-context encodings, key material. */
package dev.kmslab.engine.crypto;
