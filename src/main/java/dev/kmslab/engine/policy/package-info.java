/**
 * Key policies, IAM identity policies, principals and grants, evaluated as AWS KMS evaluates them, with an
 * explanation of every decision. Pure Java: no dependency on the engine facade.
 *
 * <h2>How the engine uses it</h2>
 * <ol>
 *   <li>Keep one {@link dev.kmslab.engine.policy.PrincipalDirectory} (users, roles, their IAM policies) and persist it
 *       with {@code toJson()} / {@code fromJson()}; persist grants with
 *       {@link dev.kmslab.engine.policy.GrantJson}.</li>
 *   <li>CreateKey without a policy stores {@link dev.kmslab.engine.policy.DefaultKeyPolicy#forAccount}; with a
 *       policy, and on PutKeyPolicy: {@link dev.kmslab.engine.policy.PolicyParser#parse} (throws
 *       {@link dev.kmslab.engine.policy.PolicyValidationException}, a MalformedPolicyDocumentException), then
 *       {@link dev.kmslab.engine.policy.LockoutSafetyCheck#check}. GetKeyPolicy returns
 *       {@code PolicyDocument.source()} unchanged.</li>
 *   <li>Before every key operation build an {@link dev.kmslab.engine.policy.EvaluationRequest} (caller, action such
 *       as {@code kms:Decrypt}, key ARN and account, parsed key policy, the caller's IAM policies from the directory,
 *       the key's grants, request condition values, encryption context, engine time, presented grant tokens) and
 *       call {@link dev.kmslab.engine.policy.PolicyEvaluator#evaluate}; {@code Decision.requireAllowed()} throws the
 *       AWS-worded AccessDeniedException, {@code summary()} and {@code explain()} go to the audit event. ReEncrypt
 *       is authorised twice: {@code kms:ReEncryptFrom} on the source key and {@code kms:ReEncryptTo} on the
 *       destination key.</li>
 *   <li>RetireGrant is authorised by {@link dev.kmslab.engine.policy.GrantRules#canRetire}, RevokeGrant by
 *       evaluating {@code kms:RevokeGrant}.</li>
 * </ol>
 */
package dev.kmslab.engine.policy;
