/**
 * Files in the AWS Encryption SDK message format, written and read by the official AWS Encryption SDK for Java with a
 * master key provider backed by the in-process engine (provider id {@code aws-kms}, key ARN as provider information),
 * plus a reader that names every field of a message for the byte view and the flows. Files in KMS Lab's older envelope
 * format ({@code engine.envelope}) still decrypt.
 */
package dev.kmslab.engine.esdk;
