/** The AWS KMS exception types the engine throws; a leaf like {@code model}. */
package dev.kmslab.engine.error;
