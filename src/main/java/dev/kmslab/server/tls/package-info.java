/**
 * HTTPS for the local endpoint: the lab's self-signed certificate made with Bouncy Castle and kept owner-only in the
 * data folder ({@link dev.kmslab.server.tls.LabCertificate}), an instructor's own PEM files
 * ({@link dev.kmslab.server.tls.PemFiles}), and the key, chain and fingerprint the server presents
 * ({@link dev.kmslab.server.tls.TlsIdentity}).
 */
package dev.kmslab.server.tls;
