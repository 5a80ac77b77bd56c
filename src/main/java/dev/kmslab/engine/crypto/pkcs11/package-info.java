/**
 * Hardware tokens: the {@link dev.kmslab.engine.crypto.pkcs11.HsmToken} interface that custom key stores and sealed
 * keystores use, its PKCS#11 implementation (SunPKCS11) and the connection state machine that it and the simulated
 * token of {@code cks} share.
 */
package dev.kmslab.engine.crypto.pkcs11;
