/** Streaming envelope encryption: framed AES-GCM under a data key, with the header format and its context encoding. */
package dev.kmslab.engine.envelope;
