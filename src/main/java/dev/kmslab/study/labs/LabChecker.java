package dev.kmslab.study.labs;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.error.AccessDeniedException;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.error.NotFoundException;
import dev.kmslab.engine.model.AliasListEntry;
import dev.kmslab.engine.model.CustomKeyStoresListEntry;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DescribeCustomKeyStoresRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusResult;
import dev.kmslab.engine.model.GetPublicKeyRequest;
import dev.kmslab.engine.model.GrantListEntry;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.ListAliasesRequest;
import dev.kmslab.engine.model.ListGrantsRequest;
import dev.kmslab.engine.model.ListKeyRotationsRequest;
import dev.kmslab.engine.model.ListResourceTagsRequest;
import dev.kmslab.engine.model.MultiRegionKey;
import dev.kmslab.engine.model.RotationType;
import dev.kmslab.engine.model.RotationsListEntry;
import dev.kmslab.engine.model.SimulationRequest;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.engine.policy.Decision;
import dev.kmslab.engine.model.GrantConstraints;
import dev.kmslab.engine.policy.StatementTrace;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Grades a sandbox: each check reads the real engine (policy evaluation, key metadata, grants, Decrypt, the audit log)
 * and passes or fails with a reason a learner can act on. The reads run as the account root; the events they leave in
 * the audit log are set aside so that they never satisfy an audit check.
 */
final class LabChecker {

    private final LabSandbox sandbox;

    LabChecker(LabSandbox sandbox) {
        this.sandbox = sandbox;
    }

    List<CheckResult> runAll(List<LabCheck> checks) {
        // Audit checks look only at what happened before this run, never at the checker's own calls. The log calls
        // its listeners on the thread that made the call, so the checker's events are exactly those of this thread.
        List<AuditEvent> history = sandbox.learnerEvents();
        Thread checker = Thread.currentThread();
        List<String> own = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.function.Consumer<AuditEvent> mine = e -> {
            if (Thread.currentThread() == checker) {
                own.add(e.eventId());
            }
        };
        sandbox.auditLog().addListener(mine);
        List<CheckResult> out = new ArrayList<>();
        try {
            runEach(checks, history, out);
        } finally {
            sandbox.auditLog().removeListener(mine);
            sandbox.ignoreEvents(own);
        }
        return out;
    }

    private void runEach(List<LabCheck> checks, List<AuditEvent> history, List<CheckResult> out) {
        for (LabCheck check : checks) {
            CheckResult result;
            try {
                result = run(check, history);
            } catch (AccessDeniedException e) {
                result = fail(check, "The checker, acting as the account root, was denied (" + e.getMessage()
                        + "). A key policy that leaves out the account root can make a key unmanageable; AWS "
                        + "recommends keeping the statement that enables IAM policies.");
            } catch (KmsException | IllegalArgumentException | IllegalStateException e) {
                result = fail(check, LabSandbox.message(e));
            }
            out.add(result);
        }
    }

    private CheckResult run(LabCheck check, List<AuditEvent> history) {
        LabArgs a = check.args();
        KmsEngine engine = sandbox.engine(a.text("region"));
        return switch (check.type()) {
            case "access" -> access(check, a, engine);
            case "keyState" -> keyState(check, a, engine);
            case "key" -> key(check, a, engine);
            case "rotation" -> rotation(check, a, engine);
            case "grant" -> grant(check, a, engine);
            case "decrypt" -> decrypt(check, a, engine);
            case "audit" -> audit(check, a, history);
            case "signature" -> signature(check, a, engine);
            case "customKeyStore" -> customKeyStore(check, a, engine);
            default -> throw new IllegalArgumentException("unknown check type " + check.type());
        };
    }

    private CallerContext root() {
        return CallerContext.root(sandbox.account());
    }

    // ---- access ----

    private CheckResult access(LabCheck check, LabArgs a, KmsEngine engine) {
        String principal = PrincipalRef.arn(a.requireText("as"), sandbox.account());
        String action = a.requireText("action");
        action = action.startsWith("kms:") ? action : "kms:" + action;
        String keyId = a.text("key").map(sandbox::keyId).orElse(null);
        List<String> tokens = new ArrayList<>();
        a.list("grantTokens").forEach(g -> sandbox.grant(g).ifPresent(h -> tokens.add(h.token())));
        Decision d = engine.simulate(new SimulationRequest(principal, action, keyId, a.map("context"),
                a.text("viaService"), tokens, Map.of()));
        boolean wantAllowed = a.requireText("expect").equals("allowed");
        String who = a.requireText("as") + " → " + action + describeContext(a);
        if (d.allowed() == wantAllowed) {
            return pass(check, who + (d.allowed() ? " is allowed (" + d.summary() + ")." : " is denied, as it "
                    + "should be" + deciding(d) + "."));
        }
        if (wantAllowed) {
            return fail(check, who + " is denied: " + d.accessDeniedMessage() + deciding(d) + ".");
        }
        return fail(check, who + " is allowed but should be denied: " + d.summary()
                + (d.supportingStatement() != null ? ", with " + d.supportingStatement().reference() : "") + ".");
    }

    private static String describeContext(LabArgs a) {
        StringBuilder sb = new StringBuilder();
        if (!a.map("context").isEmpty()) {
            sb.append(" with encryption context ").append(a.map("context"));
        }
        a.text("viaService").ifPresent(v -> sb.append(" via ").append(v));
        if (!a.list("grantTokens").isEmpty()) {
            sb.append(" presenting the grant token of ").append(a.list("grantTokens"));
        }
        return sb.toString();
    }

    /** The statement that decided a denial, or the nearest miss: what the learner has to look at. */
    private static String deciding(Decision d) {
        if (d.decidingStatement() != null) {
            return "; deciding statement: " + d.decidingStatement().reference();
        }
        Optional<StatementTrace> nearMiss = d.statements().stream()
                .filter(s -> s.actionMatched() && s.resourceMatched() && s.conditionsEvaluated() && !s.applies())
                .findFirst();
        return nearMiss.map(s -> "; closest statement: " + s.reference() + ", whose conditions did not match")
                .orElse("; no statement allows it (implicit deny)");
    }

    // ---- key state and metadata ----

    private KeyMetadata describe(KmsEngine engine, LabArgs a) {
        return engine.describeKey(root(), new DescribeKeyRequest(sandbox.keyId(a.requireText("key"))))
                .keyMetadata();
    }

    private CheckResult keyState(LabCheck check, LabArgs a, KmsEngine engine) {
        KeyMetadata m = describe(engine, a);
        String want = a.requireText("state");
        String name = a.requireText("key");
        return m.keyState().toString().equals(want) || m.keyState().name().equals(want)
                ? pass(check, name + " is " + want + ".")
                : fail(check, name + " is " + m.keyState() + ", expected " + want + ".");
    }

    private CheckResult key(LabCheck check, LabArgs a, KmsEngine engine) {
        String name = a.requireText("key");
        if (a.bool("exists").isPresent()) {
            boolean exists;
            try {
                describe(engine, a);
                exists = true;
            } catch (NotFoundException e) {
                exists = false;
            }
            if (exists != a.bool("exists").get()) {
                return fail(check, name + (exists ? " exists in " : " does not exist in ") + engine.region() + ".");
            }
            if (!exists) {
                return pass(check, name + " does not exist in " + engine.region() + ".");
            }
        }
        KeyMetadata m = describe(engine, a);
        List<String> wrong = new ArrayList<>();
        a.text("description").filter(d -> !d.equals(m.description())).ifPresent(d -> wrong.add("description is \""
                + m.description() + "\", expected \"" + d + "\""));
        a.bool("enabled").filter(e -> e != m.enabled()).ifPresent(e -> wrong.add(e ? "it is not enabled"
                : "it is still enabled"));
        a.bool("multiRegion").filter(e -> e != m.multiRegion()).ifPresent(e -> wrong.add(e
                ? "it is a single-Region key" : "it is a multi-Region key"));
        a.text("origin").filter(o -> !o.equals(String.valueOf(m.origin()))).ifPresent(o -> wrong.add("origin is "
                + m.origin() + ", expected " + o));
        a.text("expirationModel").filter(x -> !x.equals(String.valueOf(m.expirationModel())))
                .ifPresent(x -> wrong.add("expiration model is " + m.expirationModel() + ", expected " + x));
        a.integer("pendingDeletionWindowInDays").filter(d -> !d.equals(m.pendingDeletionWindowInDays()))
                .ifPresent(d -> wrong.add(m.pendingDeletionWindowInDays() == null ? "it is not pending deletion"
                        : "the waiting period is " + m.pendingDeletionWindowInDays() + " days, expected " + d));
        if (a.has("tags")) {
            Map<String, String> tags = new LinkedHashMap<>();
            for (Tag t : engine.listResourceTags(root(), new ListResourceTagsRequest(m.keyId(), null, null)).tags()) {
                tags.put(t.tagKey(), t.tagValue());
            }
            a.map("tags").forEach((k, v) -> {
                if (!v.equals(tags.get(k))) {
                    wrong.add("tag " + k + " is " + (tags.containsKey(k) ? "\"" + tags.get(k) + "\"" : "missing")
                            + ", expected \"" + v + "\"");
                }
            });
        }
        if (a.has("aliases")) {
            Set<String> aliases = engine.listAliases(root(), new ListAliasesRequest(m.keyId(), null, null))
                    .aliases().stream().map(AliasListEntry::aliasName).collect(Collectors.toSet());
            a.list("aliases").stream().filter(x -> !aliases.contains(x)).forEach(x -> wrong.add("alias " + x
                    + " does not point to it (it has " + new TreeSet<>(aliases) + ")"));
        }
        if (a.has("primaryRegion") || a.has("replicaRegions")) {
            if (m.multiRegionConfiguration() == null) {
                wrong.add("it is not a multi-Region key");
            } else {
                String primary = m.multiRegionConfiguration().primaryKey().region();
                a.text("primaryRegion").filter(p -> !p.equals(primary)).ifPresent(p -> wrong.add("its primary "
                        + "is in " + primary + ", expected " + p));
                Set<String> replicas = m.multiRegionConfiguration().replicaKeys().stream()
                        .map(MultiRegionKey::region).collect(Collectors.toSet());
                a.list("replicaRegions").stream().filter(r -> !replicas.contains(r)).forEach(r -> wrong.add(
                        "it has no replica in " + r + " (replicas: " + new TreeSet<>(replicas) + ")"));
            }
        }
        return wrong.isEmpty() ? pass(check, name + " has the expected settings.")
                : fail(check, name + ": " + String.join("; ", wrong) + ".");
    }

    private CheckResult rotation(LabCheck check, LabArgs a, KmsEngine engine) {
        String name = a.requireText("key");
        String keyId = sandbox.keyId(name);
        GetKeyRotationStatusResult s = engine.getKeyRotationStatus(root(), new GetKeyRotationStatusRequest(keyId));
        List<String> wrong = new ArrayList<>();
        boolean want = a.bool("enabled").orElseThrow();
        if (s.keyRotationEnabled() != want) {
            wrong.add("automatic rotation is " + (s.keyRotationEnabled() ? "on" : "off") + ", expected "
                    + (want ? "on" : "off"));
        }
        a.integer("rotationPeriodDays").filter(p -> !p.equals(s.rotationPeriodInDays())).ifPresent(p -> wrong.add(
                "the rotation period is " + (s.rotationPeriodInDays() == null ? "not set"
                        : s.rotationPeriodInDays() + " days") + ", expected " + p + " days"));
        if (a.has("minOnDemandRotations") || a.has("minRotations")) {
            List<RotationsListEntry> rotations = engine.listKeyRotations(root(),
                    new ListKeyRotationsRequest(keyId, 1000, null, null)).rotations();
            long onDemand = rotations.stream().filter(r -> r.rotationType() == RotationType.ON_DEMAND).count();
            a.integer("minOnDemandRotations").filter(n -> onDemand < n).ifPresent(n -> wrong.add("it was rotated "
                    + "on demand " + onDemand + " time(s), expected at least " + n));
            a.integer("minRotations").filter(n -> rotations.size() < n).ifPresent(n -> wrong.add("it has "
                    + rotations.size() + " rotation(s), expected at least " + n));
        }
        return wrong.isEmpty() ? pass(check, name + ": rotation is as expected.")
                : fail(check, name + ": " + String.join("; ", wrong) + ".");
    }

    // ---- grants ----

    private CheckResult grant(LabCheck check, LabArgs a, KmsEngine engine) {
        String keyName = a.requireText("key");
        String grantee = PrincipalRef.arn(a.requireText("grantee"), sandbox.account());
        List<GrantListEntry> all = engine.listGrants(root(), ListGrantsRequest.of(sandbox.keyId(keyName))).grants()
                .stream().filter(g -> g.granteePrincipal().equals(grantee)).collect(Collectors.toList());
        boolean wantPresent = a.requireText("expect").equals("present");
        if (!wantPresent) {
            return all.isEmpty() ? pass(check, "No grant on " + keyName + " for " + a.requireText("grantee") + ".")
                    : fail(check, keyName + " still has " + all.size() + " grant(s) for " + a.requireText("grantee")
                    + " (ids " + all.stream().map(GrantListEntry::grantId).toList() + ").");
        }
        if (all.isEmpty()) {
            return fail(check, keyName + " has no grant for " + a.requireText("grantee") + ".");
        }
        List<String> mismatches = new ArrayList<>();
        for (GrantListEntry g : all) {
            List<String> wrong = grantMismatch(g, a);
            if (wrong.isEmpty()) {
                return pass(check, "Grant " + g.grantId() + " for " + a.requireText("grantee") + " allows "
                        + g.operations() + constraintsText(g.constraints()) + ".");
            }
            mismatches.add("grant " + g.grantId() + ": " + String.join(", ", wrong));
        }
        return fail(check, String.join("; ", mismatches) + ".");
    }

    private List<String> grantMismatch(GrantListEntry g, LabArgs a) {
        List<String> wrong = new ArrayList<>();
        if (a.has("operations") && !new HashSet<>(g.operations()).equals(new HashSet<>(a.list("operations")))) {
            wrong.add("operations are " + g.operations() + ", expected " + a.list("operations"));
        }
        a.text("retiring").map(r -> PrincipalRef.arn(r, sandbox.account()))
                .filter(r -> !r.equals(g.retiringPrincipal()))
                .ifPresent(r -> wrong.add("retiring principal is " + g.retiringPrincipal() + ", expected " + r));
        GrantConstraints want = LabOperations.constraints(a);
        if (want != null) {
            GrantConstraints have = g.constraints() == null ? GrantConstraints.NONE : g.constraints();
            if (!have.equals(want)) {
                wrong.add("constraints are" + (have.isEmpty() ? " none" : constraintsText(have)) + ", expected"
                        + constraintsText(want));
            }
        }
        return wrong;
    }

    private static String constraintsText(GrantConstraints c) {
        if (c == null || c.isEmpty()) {
            return "";
        }
        return (c.encryptionContextSubset().isEmpty() ? "" : " with EncryptionContextSubset "
                + c.encryptionContextSubset()) + (c.encryptionContextEquals().isEmpty() ? ""
                : " with EncryptionContextEquals " + c.encryptionContextEquals());
    }

    // ---- ciphertexts and signatures ----

    private CheckResult decrypt(LabCheck check, LabArgs a, KmsEngine engine) {
        String name = a.requireText("ciphertext");
        byte[] blob = sandbox.saved(name).orElseThrow(() -> new IllegalArgumentException("nothing was saved as "
                + name));
        boolean want = a.requireText("expect").equals("decrypts");
        String who = a.text("as").orElse("root");
        try {
            byte[] plain = engine.decrypt(new LabOperations(sandbox).caller(a), DecryptRequest.of(blob,
                    a.map("context"))).plaintext();
            Arrays.fill(plain, (byte) 0);
            return want ? pass(check, name + " decrypts for " + who + ".")
                    : fail(check, name + " still decrypts for " + who + ", but should not.");
        } catch (KmsException e) {
            return want ? fail(check, name + " does not decrypt for " + who + ": " + LabSandbox.message(e))
                    : pass(check, name + " no longer decrypts for " + who + " (" + e.getClass().getSimpleName()
                    + ").");
        }
    }

    private CheckResult signature(LabCheck check, LabArgs a, KmsEngine engine) {
        String keyName = a.requireText("key");
        byte[] der = engine.getPublicKey(new LabOperations(sandbox).caller(a),
                new GetPublicKeyRequest(sandbox.keyId(keyName))).publicKey();
        byte[] sig = sandbox.saved(a.requireText("signature")).orElseThrow();
        boolean valid;
        try {
            valid = verifyOffline(der, a.requireText("algorithm"), LabOperations.utf8(a.requireText("message")), sig);
        } catch (GeneralSecurityException e) {
            return fail(check, "The public key could not verify: " + e.getMessage());
        }
        boolean want = a.requireText("expect").equals("valid");
        String what = "Verified offline with " + keyName + "'s public key: the signature "
                + a.requireText("signature") + " is " + (valid ? "valid" : "not valid") + " for \""
                + a.requireText("message") + "\"";
        return valid == want ? pass(check, what + ".") : fail(check, what + ", expected " + (want ? "valid"
                : "not valid") + ".");
    }

    /** A plain JCA verifier, independent of the engine's signing code: what a client without KMS would run. */
    static boolean verifyOffline(byte[] der, String algorithm, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        Signature verifier;
        String keyType;
        if (algorithm.startsWith("RSASSA_PKCS1_V1_5_SHA_")) {
            verifier = Signature.getInstance("SHA" + algorithm.substring(22) + "withRSA");
            keyType = "RSA";
        } else if (algorithm.startsWith("RSASSA_PSS_SHA_")) {
            String hash = "SHA-" + algorithm.substring(15);
            verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                    Integer.parseInt(algorithm.substring(15)) / 8, 1));
            keyType = "RSA";
        } else if (algorithm.startsWith("ECDSA_SHA_")) {
            verifier = Signature.getInstance("SHA" + algorithm.substring(10) + "withECDSA");
            keyType = "EC";
        } else {
            throw new GeneralSecurityException(algorithm + " is not verified offline in labs");
        }
        PublicKey key = KeyFactory.getInstance(keyType).generatePublic(new X509EncodedKeySpec(der));
        verifier.initVerify(key);
        verifier.update(message);
        try {
            return verifier.verify(signature);
        } catch (SignatureException malformed) {
            return false;
        }
    }

    // ---- audit and key stores ----

    private CheckResult audit(LabCheck check, LabArgs a, List<AuditEvent> history) {
        String event = a.requireText("event");
        String outcome = a.text("outcome").orElse("success");
        Optional<String> principal = a.text("as").map(p -> PrincipalRef.arn(p, sandbox.account()));
        Optional<String> keyId = a.text("key").map(sandbox::findKeyId).map(o -> o.orElse("?"));
        Optional<String> destination = a.text("destinationKey").map(sandbox::findKeyId).map(o -> o.orElse("?"));
        Map<String, String> context = a.map("context");
        List<AuditEvent> matches = history.stream()
                .filter(e -> e.eventName().equals(event))
                .filter(e -> outcome.equals("any") || (outcome.equals("error") == e.isError()))
                .filter(e -> principal.isEmpty() || principal.get().equals(e.principalArn()))
                .filter(e -> keyId.isEmpty() || (e.keyArn() != null && e.keyArn().endsWith(keyId.get())))
                .filter(e -> destination.isEmpty() || String.valueOf(e.requestParameters()
                        .get("destinationKeyId")).endsWith(destination.get()))
                .filter(e -> context.isEmpty() || contextOf(e).equals(context))
                .collect(Collectors.toList());
        boolean wantPresent = a.text("expect").orElse("present").equals("present");
        String what = "a " + (outcome.equals("any") ? "" : outcome.equals("error") ? "failed " : "successful ")
                + event + principal.map(p -> " by " + a.requireText("as")).orElse("")
                + a.text("key").map(k -> " on " + k).orElse("")
                + a.text("destinationKey").map(k -> " to " + k).orElse("")
                + (context.isEmpty() ? "" : " with encryption context " + context);
        if (wantPresent) {
            return matches.isEmpty() ? fail(check, "The audit log has no " + what.substring(2) + ".")
                    : pass(check, "The audit log has " + what + " at " + matches.get(matches.size() - 1).eventTime()
                    + ".");
        }
        return matches.isEmpty() ? pass(check, "The audit log has no " + what.substring(2) + ".")
                : fail(check, "The audit log has " + what + " at " + matches.get(0).eventTime() + ".");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> contextOf(AuditEvent e) {
        Object c = e.requestParameters().get("encryptionContext");
        if (c == null) {
            c = e.requestParameters().get("destinationEncryptionContext");
        }
        if (!(c instanceof Map)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<Object, Object>) c).forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    private CheckResult customKeyStore(LabCheck check, LabArgs a, KmsEngine engine) {
        String name = a.requireText("store");
        List<CustomKeyStoresListEntry> stores = engine.customKeyStores().describeCustomKeyStores(root(),
                DescribeCustomKeyStoresRequest.byName(name)).customKeyStores();
        if (stores.isEmpty()) {
            return fail(check, "There is no custom key store named " + name + ".");
        }
        String state = String.valueOf(stores.get(0).connectionState());
        String want = a.requireText("state");
        return Objects.equals(state, want) ? pass(check, name + " is " + state + ".")
                : fail(check, name + " is " + state + ", expected " + want + ".");
    }

    private static CheckResult pass(LabCheck check, String reason) {
        return new CheckResult(check.id(), check.title(), true, reason);
    }

    private static CheckResult fail(LabCheck check, String reason) {
        return new CheckResult(check.id(), check.title(), false, reason);
    }
}
