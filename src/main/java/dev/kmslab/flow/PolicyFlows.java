package dev.kmslab.flow;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.PutKeyPolicyRequest;
import dev.kmslab.engine.policy.Decision;
import dev.kmslab.engine.policy.DefaultKeyPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may use a key, decided by the engine's real policy evaluation: a role with no permission, an explicit Deny in
 * the key policy, and a caller in another account, who needs both the key policy and its own IAM policy to allow.
 * The principals are created in the flow's private engine, so these flows always run on a scratch key.
 */
final class PolicyFlows {

    static final String OTHER_ACCOUNT = "444455556666";
    private static final Map<String, String> CONTEXT = Map.of("dataset", "sales-2025");

    /** A denied call: the error the engine raised and the policy evaluation that decided it. */
    record Denial(Failure failure, Decision decision) {
    }

    private PolicyFlows() {
    }

    static List<FlowDefinition> all() {
        return List.of(
                new FlowDefinition("access-denied", "Access denied",
                        "A role that no policy allows calls Decrypt; then an explicit Deny in the key policy beats "
                                + "the role's own Allow. KMS Lab's simulator explains each answer, which AWS does not.",
                        "Permissions", true, PolicyFlows::accessDenied),
                new FlowDefinition("cross-account-decrypt", "Cross-account decrypt",
                        "A role in account 444455556666 decrypts with a key owned by another account: the key policy "
                                + "and the role's IAM policy must both allow it.", "Permissions", true,
                        PolicyFlows::crossAccount));
    }

    /** The caller's identity policy that allows kms:Decrypt on exactly this key. */
    static String decryptPolicy(String keyArn) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"kms:Decrypt\", "
                + "\"Resource\": \"" + keyArn + "\"}]}";
    }

    /** The default key policy with one more statement appended. */
    static String keyPolicyWith(String account, String statementJson) {
        String base = DefaultKeyPolicy.forAccount(account);
        int end = base.lastIndexOf(']');
        return base.substring(0, end).stripTrailing() + ", " + statementJson + " ]\n}";
    }

    private static CallerContext session(String account, String role, String sessionName) {
        return CallerContext.of("arn:aws:sts::" + account + ":assumed-role/" + role + "/" + sessionName);
    }

    private static byte[] sealedReport(FlowSession s) {
        return s.engine().encrypt(s.caller(), EncryptRequest.of(s.keyArn(),
                FlowSession.utf8("Q3 sales by region: EMEA 1.2M, APAC 0.9M"), CONTEXT)).ciphertextBlob();
    }

    private static void accessDenied(FlowSession s) {
        s.actors(new Actor("admin", "Key administrator", ActorKind.CLIENT),
                new Actor("client", "analytics-app role", ActorKind.CLIENT), Actor.service("iam", "IAM"),
                Actor.kms(), Actor.cloudTrail());
        s.engine().principals().createRole(s.account(), "analytics-app");
        CallerContext role = session(s.account(), "analytics-app", "nightly-report");
        byte[] blob = sealedReport(s);

        Denial first = decrypt(s, "client", role, blob, "The analytics-app role, a new role with no policies, "
                + "calls Decrypt on a report encrypted under a key with the default key policy.")
                .orElseThrow(() -> new IllegalStateException("a role without policies was allowed"));
        s.step("kms", "client", "Decrypt error").failure(first.failure())
                .payload(FlowSession.evaluationPayload(first.decision()))
                .narration("KMS refuses the call with AccessDeniedException; its message says only that no "
                        + "identity-based policy allows kms:Decrypt. Why: the default key policy's statement \""
                        + DefaultKeyPolicy.SID + "\" names the account rather than the role, so it lets the "
                        + "account's IAM policies decide; the role has none, so nothing allows kms:Decrypt (an "
                        + "implicit deny).")
                .simulation(simulated(first.decision()))
                .tip("No statement allows it = implicit deny. The default key policy delegates to IAM; it does not "
                        + "grant any role access by itself.").add();
        s.audit("The denied call is in CloudTrail: errorCode AccessDeniedException and the same errorMessage the "
                + "caller got. The record does not say which statement or policy decided.");

        s.engine().principals().attachRolePolicy(s.account(), "analytics-app", "decrypt-sales-key",
                decryptPolicy(s.keyArn()));
        s.step("admin", "iam", "PutRolePolicy").param("RoleName", "analytics-app")
                .param("PolicyName", "decrypt-sales-key")
                .payload(Payload.text("IAM policy", PayloadKind.OTHER, decryptPolicy(s.keyArn()), false))
                .narration("An IAM administrator gives the role an identity policy allowing kms:Decrypt on this key. "
                        + "Because the key policy delegates to the account's IAM, that is now enough.").add();
        allowedDecrypt(s, "client", role, blob, "The role tries again; the IAM policy allows it.");

        String deny = "{\n    \"Sid\" : \"Deny analytics decrypt\",\n    \"Effect\" : \"Deny\",\n    \"Principal\" : "
                + "{ \"AWS\" : \"arn:aws:iam::" + s.account() + ":role/analytics-app\" },\n    \"Action\" : "
                + "\"kms:Decrypt\",\n    \"Resource\" : \"*\"\n  }";
        String policy = keyPolicyWith(s.account(), deny);
        s.call("admin", "PutKeyPolicy").param("KeyId", s.keyArn()).param("PolicyName", "default")
                .payload(Payload.text("Key policy", PayloadKind.OTHER, policy, false))
                .narration("The key administrator decides analytics must no longer read this data and adds a Deny "
                        + "statement for the role to the key policy, keeping the statement for the account.").add();
        s.engine().putKeyPolicy(s.caller(), PutKeyPolicyRequest.of(s.keyArn(), policy));
        Denial denied = decrypt(s, "client", role, blob, "The role calls Decrypt again. Its IAM policy still "
                + "allows kms:Decrypt.").orElseThrow(() -> new IllegalStateException("the Deny did not apply"));
        s.step("kms", "client", "Decrypt error").failure(denied.failure())
                .payload(FlowSession.evaluationPayload(denied.decision()))
                .narration("Denied. The error message says the call met an explicit deny in a resource-based "
                        + "policy (the key policy) but not which statement: that you find by reading the key policy. "
                        + "An explicit Deny wins over every Allow, wherever the Allow is.")
                .simulation(simulated(denied.decision()))
                .tip("Evaluation order: explicit Deny first, then an Allow in the key policy (directly, or via IAM "
                        + "when the key policy trusts the account) or a grant; otherwise implicit deny.").add();
        s.audit("CloudTrail records the denial with errorCode and errorMessage. The message names only the kind of "
                + "policy (\"an explicit deny in a resource-based policy\"), never the statement: to find it, read "
                + "the key policy.");
        s.tip("KMS keys need the key policy to allow access, directly or by trusting the account's IAM policies.");
        s.tip("An explicit Deny in any applicable policy overrides any Allow.");
    }

    private static void crossAccount(FlowSession s) {
        String owner = s.account();
        s.actors(new Actor("owner", "Key owner (account " + owner + ")", ActorKind.CLIENT),
                new Actor("client", "reporting-app role (" + OTHER_ACCOUNT + ")", ActorKind.CLIENT),
                new Actor("audit", "audit-app role (" + OTHER_ACCOUNT + ")", ActorKind.CLIENT),
                Actor.service("iam", "IAM (account " + OTHER_ACCOUNT + ")"), Actor.kms(), Actor.cloudTrail());
        s.engine().principals().addAccount(OTHER_ACCOUNT);
        s.engine().principals().createRole(OTHER_ACCOUNT, "reporting-app");
        s.engine().principals().createRole(OTHER_ACCOUNT, "audit-app");
        CallerContext reporting = session(OTHER_ACCOUNT, "reporting-app", "monthly-report");
        CallerContext audit = session(OTHER_ACCOUNT, "audit-app", "spot-check");
        byte[] plaintext = FlowSession.utf8("Shared ledger 2025-11: 1,482 entries");
        s.call("owner", "Encrypt").param("KeyId", s.keyArn()).context(CONTEXT)
                .secret("Plaintext", PayloadKind.PLAINTEXT, plaintext)
                .narration("Account " + owner + " owns the key and encrypts a ledger it shares with account "
                        + OTHER_ACCOUNT + ".").add();
        byte[] blob = s.engine().encrypt(s.caller(), EncryptRequest.of(s.keyArn(), plaintext, CONTEXT))
                .ciphertextBlob();
        s.step("kms", "owner", "Encrypt response").open("Ciphertext blob", PayloadKind.CIPHERTEXT, blob)
                .narration("The blob is handed to the other account, for example through a shared S3 bucket.").add();

        s.engine().principals().attachRolePolicy(OTHER_ACCOUNT, "reporting-app", "decrypt-shared-key",
                decryptPolicy(s.keyArn()));
        s.step("iam", "client", "PutRolePolicy").param("RoleName", "reporting-app")
                .payload(Payload.text("IAM policy", PayloadKind.OTHER, decryptPolicy(s.keyArn()), false))
                .narration("In account " + OTHER_ACCOUNT + ", an administrator allows reporting-app to call "
                        + "kms:Decrypt on the other account's key, naming it by its full key ARN.").add();
        Denial keyPolicyMissing = decrypt(s, "client", reporting, blob, "reporting-app calls Decrypt.")
                .orElseThrow(() -> new IllegalStateException("cross-account access without the key policy"));
        s.step("kms", "client", "Decrypt error").failure(keyPolicyMissing.failure())
                .payload(FlowSession.evaluationPayload(keyPolicyMissing.decision()))
                .narration("Half of the permission is missing: the key policy names only account " + owner
                        + ", and an IAM policy in another account cannot give access to a key its account does not "
                        + "own. The error message says no resource-based policy allows kms:Decrypt.")
                .simulation(simulated(keyPolicyMissing.decision()))
                .tip("Cross-account use needs the key policy to allow the other account (or its principal) first.")
                .add();

        String statement = "{\n    \"Sid\" : \"Allow account " + OTHER_ACCOUNT + " to decrypt\",\n    \"Effect\" : "
                + "\"Allow\",\n    \"Principal\" : { \"AWS\" : \"arn:aws:iam::" + OTHER_ACCOUNT + ":root\" },\n"
                + "    \"Action\" : \"kms:Decrypt\",\n    \"Resource\" : \"*\"\n  }";
        String policy = keyPolicyWith(owner, statement);
        s.call("owner", "PutKeyPolicy").param("KeyId", s.keyArn()).param("PolicyName", "default")
                .payload(Payload.text("Key policy", PayloadKind.OTHER, policy, false))
                .narration("The key owner adds a statement allowing account " + OTHER_ACCOUNT + " to use "
                        + "kms:Decrypt. Naming the account root delegates to that account's administrators: they "
                        + "decide, with IAM policies, which of their principals may use it.").add();
        s.engine().putKeyPolicy(s.caller(), PutKeyPolicyRequest.of(s.keyArn(), policy));

        Denial iamMissing = decrypt(s, "audit", audit, blob, "audit-app, another role in account "
                + OTHER_ACCOUNT + " without any IAM policy, calls Decrypt.")
                .orElseThrow(() -> new IllegalStateException("cross-account access without an IAM policy"));
        s.step("kms", "audit", "Decrypt error").failure(iamMissing.failure())
                .payload(FlowSession.evaluationPayload(iamMissing.decision()))
                .narration("Now the other half is missing: the key policy trusts the account, but no IAM policy of "
                        + "audit-app allows kms:Decrypt. The error message says no identity-based policy allows "
                        + "kms:Decrypt.")
                .simulation(simulated(iamMissing.decision()))
                .tip("Cross-account: the key policy in the key's account AND an IAM policy in the caller's account.")
                .add();
        allowedDecrypt(s, "client", reporting, blob, "reporting-app calls Decrypt again. Both halves now allow it.");
        s.audit("The key owner's CloudTrail shows the other account's role using the key.");
        s.tip("To use a key in another account, call it by its key ARN (or alias ARN): a key id alone names a key in "
                + "the caller's own account.");
        s.tip("Grants are another way to give another account's principal use of a key.");
    }

    /**
     * Records a Decrypt request by {@code who} and makes it. Returns the error and the engine's decision when it was
     * denied (the caller records the error step with them); records the response and returns empty when allowed.
     */
    static Optional<Denial> decrypt(FlowSession s, String from, CallerContext who, byte[] blob, String narration) {
        s.call(from, "Decrypt").param("Caller", who.principalArn()).param("CiphertextBlob", blob.length + " bytes")
                .context(CONTEXT).open("Ciphertext blob", PayloadKind.CIPHERTEXT, blob).narration(narration).add();
        Failure[] failure = {null};
        Optional<DecryptResult> result = s.attempt(() -> s.engine().decrypt(who, DecryptRequest.of(blob, CONTEXT)),
                f -> failure[0] = f);
        if (result.isPresent()) {
            DecryptResult r = result.get();
            s.step("kms", from, "Decrypt response").param("KeyId", r.keyId())
                    .secret("Plaintext", PayloadKind.PLAINTEXT, r.plaintext())
                    .narration("Allowed: KMS decrypts and returns the plaintext.").add();
            r.destroyPlaintext();
            return Optional.empty();
        }
        return Optional.of(new Denial(failure[0], s.decision(who, "kms:Decrypt", CONTEXT)));
    }

    /**
     * The lab's account of a denial (reason and deciding statement), which AWS never returns: headed as the
     * simulator's, beside the full trace in the evaluation payload.
     */
    static String simulated(Decision d) {
        return Step.SIMULATOR_HEADING + "\nThe lab's policy evaluation: " + d.summary() + ". The full trace is in "
                + "the \"" + FlowSession.EVALUATION_PAYLOAD + "\" payload.";
    }

    private static void allowedDecrypt(FlowSession s, String from, CallerContext who, byte[] blob, String text) {
        decrypt(s, from, who, blob, text).ifPresent(d -> {
            throw new IllegalStateException("expected the call to be allowed: " + d.decision().summary());
        });
    }

}
