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
import java.time.Duration;
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

    private static String create(KmsEngine engine, CallerContext root, String alias, String description,
                                 List<Tag> tags) {
        String id = engine.createKey(root, new CreateKeyRequest(description, null, null, null,
                tags.isEmpty() ? null : tags)).keyMetadata().keyId();
        engine.createAlias(root, new CreateAliasRequest(alias, id));
        return id;
    }
}
