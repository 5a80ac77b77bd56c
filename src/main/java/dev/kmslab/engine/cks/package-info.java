/** Custom key store plumbing: token settings, the token factory, the simulated HSM and the PKCS#11-backed token. */
package dev.kmslab.engine.cks;
