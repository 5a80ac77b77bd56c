/**
 * The AWS key spec table over the API enums of {@code engine.model} (KeySpec, KeyUsage and the algorithm specs):
 * which usages a spec allows, which algorithms each spec and usage offer, which message types a signing algorithm
 * takes, and the request size limits. The enums themselves live only in {@code model}.
 */
package dev.kmslab.engine.crypto.asymmetric.spec;
