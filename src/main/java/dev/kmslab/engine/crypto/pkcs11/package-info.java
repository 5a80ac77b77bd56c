/** A PKCS#11 token session (SunPKCS11) with its connection state machine, for custom key stores and sealed keystores. */
package dev.kmslab.engine.crypto.pkcs11;
