/**
 * AWS STS on the endpoint's port: AssumeRole and GetCallerIdentity in the AWS Query protocol (form-encoded POST,
 * XML answers), signed with SigV4 for service {@code sts}, and the temporary credentials AssumeRole issues, which the
 * KMS side accepts with their session token until they expire on the engine's clock.
 */
package dev.kmslab.server.sts;
