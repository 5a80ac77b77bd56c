/** Specs of the asymmetric primitives (key, signing, encryption, agreement). */
package dev.kmslab.engine.crypto.asymmetric.spec;
