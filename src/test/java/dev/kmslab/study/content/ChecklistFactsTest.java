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

    @Test
    void checklistsFollowTheExamsOfferedToday() {
        assertThat(CONTENT.checklist("DVA").orElseThrow().title()).isEqualTo("DVA-C03 · KMS checklist");
        assertThat(CONTENT.checklist("MLA").orElseThrow().title()).isEqualTo("MLA-C02 · KMS checklist");
        assertThat(CONTENT.checklist("AIP").orElseThrow().title()).isEqualTo("AIP-C01 · KMS checklist");
        assertThat(CONTENT.checklist("SCS").orElseThrow().title()).isEqualTo("SCS-C03 · KMS checklist");
        Checklist mls = CONTENT.checklist("MLS").orElseThrow();
        assertThat(mls.title()).contains("retired");
        assertThat(mls.intro()).contains("was retired on 31 March 2026").contains("MLA-C02").contains("AIP-C01");
        // Every domain of each current track has items, named exactly as the track names it.
        for (String id : java.util.List.of("DVA", "MLA", "AIP", "SCS")) {
            Track track = CONTENT.track(id).orElseThrow();
            Checklist list = CONTENT.checklist(id).orElseThrow();
            assertThat(list.domains()).extracting(Checklist.Group::name).as(id)
                    .containsExactlyElementsOf(track.domains().stream().map(Track.Domain::name).toList());
            assertThat(list.domains()).as(id).allSatisfy(g -> assertThat(g.items()).isNotEmpty());
        }
    }

    @Test
    void securitySpecialtyCoversDataProtectionInDepth() {
        Checklist scs = CONTENT.checklist("SCS").orElseThrow();
        Checklist.Group data = scs.domains().stream().filter(g -> g.name().equals("Data Protection")).findFirst()
                .orElseThrow();
        assertThat(data.items()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(data.items()).extracting(Checklist.Item::concept)
                .contains("imported-material", "custom-key-stores", "multi-region", "key-rotation", "key-states");
    }

    @Test
    void itemsThatSurviveAVersionChangeKeepTheirIds_soProgressIsKept() {
        java.util.Set<String> dva = CONTENT.checklist("DVA").orElseThrow().items().map(Checklist.Item::id)
                .collect(java.util.stream.Collectors.toSet());
        assertThat(dva).contains("dva-dev-01", "dva-dev-05", "dva-security-01", "dva-security-07", "dva-deploy-01",
                "dva-deploy-02", "dva-deploy-03", "dva-troubleshoot-01", "dva-troubleshoot-05");
        Checklist.Group deploy = CONTENT.checklist("DVA").orElseThrow().domains().stream()
                .filter(g -> g.name().equals("Testing and Deployment")).findFirst().orElseThrow();
        assertThat(deploy.items()).extracting(Checklist.Item::id).startsWith("dva-deploy-01", "dva-deploy-02",
                "dva-deploy-03");
        java.util.Set<String> mla = CONTENT.checklist("MLA").orElseThrow().items().map(Checklist.Item::id)
                .collect(java.util.stream.Collectors.toSet());
        assertThat(mla).contains("mla-data-01", "mla-data-04", "mla-model-01", "mla-model-04", "mla-deploy-01",
                "mla-deploy-03", "mla-security-01", "mla-security-04");
    }
}
