package dev.kmslab.ui;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.PutKeyPolicyRequest;
import dev.kmslab.engine.model.GrantConstraints;
import dev.kmslab.ui.keylab.actas.DemoPrincipals;
import dev.kmslab.ui.keylab.policies.PolicyTemplates;
import java.time.Duration;
import java.util.Map;
import java.util.List;

/** A handful of keys in different states and with some history, for screenshots and demos. */
final class KeyLabDemoData {

    private KeyLabDemoData() {
    }

    /** Returns the key id of alias/orders, the key with the richest rotation history. */
    static String seed(KmsEngine engine) {
        CallerContext root = CallerContext.root(engine.account());
        String orders = create(engine, root, "alias/orders", "Order records in DynamoDB",
                List.of(new Tag("team", "shop"), new Tag("env", "prod")));
        engine.enableKeyRotation(root, new EnableKeyRotationRequest(orders, 180));
        String payments = create(engine, root, "alias/payments", "Card tokens", List.of(new Tag("team", "pay")));
        engine.enableKeyRotation(root, new EnableKeyRotationRequest(payments, 365));
        engine.advanceClock(Duration.ofDays(120));
        engine.rotateKeyOnDemand(root, new RotateKeyOnDemandRequest(orders));
        String logs = create(engine, root, "alias/old-logs", "Archived application logs", List.of());
        engine.disableKey(root, new DisableKeyRequest(logs));
        String scratch = create(engine, root, "alias/scratch", "Experiments", List.of());
        engine.advanceClock(Duration.ofDays(250));
        engine.scheduleKeyDeletion(root, new ScheduleKeyDeletionRequest(scratch, 7));
        create(engine, root, "alias/reports", "Monthly reports in S3", List.of(new Tag("team", "finance")));
        return orders;
    }

    /**
     * The demo principals, the "only with an encryption context" policy on alias/orders and a grant for the App role
     * on it, so the Policies and Grants screens have something to show.
     */
    static void seedPoliciesAndGrants(KmsEngine engine, String orders) {
        CallerContext root = CallerContext.root(engine.account());
        DemoPrincipals.seedIfEmpty(engine);
        String arn = engine.describeKey(root, new DescribeKeyRequest(orders)).keyMetadata().arn();
        PolicyTemplates.Template onlyWithContext = PolicyTemplates.ALL.get(4);
        engine.putKeyPolicy(root, PutKeyPolicyRequest.of(orders, onlyWithContext.render(
                new PolicyTemplates.Inputs(engine.account(), engine.region(), arn))));
        engine.createGrant(root, new CreateGrantRequest(orders, "arn:aws:iam::" + engine.account() + ":role/App",
                "arn:aws:iam::" + engine.account() + ":root", List.of("Decrypt", "GenerateDataKey"),
                GrantConstraints.subset(Map.of("Department", "Finance")), null, "nightly-batch"));
    }

    private static String create(KmsEngine engine, CallerContext root, String alias, String description,
                                 List<Tag> tags) {
        String id = engine.createKey(root, new CreateKeyRequest(description, null, null, null,
                tags.isEmpty() ? null : tags)).keyMetadata().keyId();
        engine.createAlias(root, new CreateAliasRequest(alias, id));
        return id;
    }
}
