/**
 * Custom key store plumbing: token settings, the token factory (a real {@code crypto.pkcs11.Pkcs11Token} or a
 * simulated one) and the simulated HSM, whose tokens implement {@code crypto.pkcs11.HsmToken} on the same connection
 * state machine as the real token.
 */
package dev.kmslab.engine.cks;
