package dev.kmslab.study.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Checklist items an independent review found wrong or contradictory (issue 21), read from the shipped content: each
 * test states the AWS-documented fact the item must now teach.
 */
class ChecklistFactsTest {

    private static final StudyContent CONTENT = ContentLoader.loadFromClasspath();

    private static Checklist.Item item(String track, String id) {
        return CONTENT.checklist(track).orElseThrow().items().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + id + " in " + track));
    }

    @Test
    void saaCost03_awsManagedKeysAreNotAwsOwnedKeys() {
        Checklist.Item cost = item("SAA", "saa-cost-03");
        // aws/ebs and aws/lambda are AWS managed: no monthly fee, but their use is in CloudTrail.
        assertThat(cost.text()).contains("AWS managed").contains("AWS owned");
        assertThat(cost.explanation()).contains("AWS managed keys such as aws/ebs and aws/lambda")
                .contains("no monthly fee").contains("recorded in CloudTrail")
                .contains("AWS owned keys are not in your account")
                .doesNotContain("AWS owned keys add no KMS cost, but give no control or audit trail");
    }

    @Test
    void saaSecure06_disablingIsAlmostImmediate_notInstant() {
        Checklist.Item disable = item("SAA", "saa-secure-06");
        assertThat(disable.explanation()).contains("almost immediately").contains("eventually consistent")
                .doesNotContain("instant");
    }

    @Test
    void mlaData01And04_agree_bucketKeysMeanFewerKmsEventsNamingTheBucket() {
        Checklist.Item audit = item("MLA", "mla-data-01");
        Checklist.Item bucketKeys = item("MLA", "mla-data-04");
        assertThat(audit.explanation()).doesNotContain("every decryption")
                .contains("with one, S3 calls KMS for a bucket-level key");
        assertThat(bucketKeys.explanation()).contains("fewer KMS events in CloudTrail").contains("bucket ARN");
    }
}
