/**
 * AWS STS on the endpoint's port: AssumeRole and GetCallerIdentity in the AWS Query protocol (form-encoded POST,
 * XML answers), signed with SigV4 for service {@code sts}, and the temporary credentials AssumeRole issues, which the
 * KMS side accepts with their session token until they expire on the engine's clock. Sessions are kept sealed in the
 * data folder ({@link dev.kmslab.server.sts.SessionStore}) so a restarted endpoint still accepts them, and every
 * AssumeRole is recorded in the audit log as CloudTrail records STS events ({@code StsAudit}).
 */
package dev.kmslab.server.sts;
