package dev.kmslab.study.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.study.quiz.TrackCatalog;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Fixes that look right but are not: the lab's checks must catch them through the engine, naming the check that
 * fails, so a learner is not told "lab complete" for a policy that still leaks.
 */
class LabNearMissTest {

    private static final LabCatalogue LABS = new LabLoader(TrackCatalog.fromClasspath()).loadBuiltIn().catalogue();

    private static List<String> failedAfter(String labId, String keyName, String policyJson) throws Exception {
        return failedAfter(labId, new LabOperation("PutKeyPolicy", LabArgs.of(Map.of("key", keyName, "policy",
                json(policyJson)))));
    }

    private static List<String> failedAfter(String labId, LabOperation fix) {
        Lab lab = LABS.lab(labId).orElseThrow();
        try (LabSandbox sandbox = LabSandbox.start(lab)) {
            sandbox.run(fix);
            return sandbox.check().stream().filter(r -> !r.passed()).map(CheckResult::id)
                    .collect(Collectors.toList());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) throws Exception {
        return new ObjectMapper().readValue(text, Map.class);
    }

    private static List<String> failedAtStart(String labId) {
        try (LabSandbox sandbox = LabSandbox.start(LABS.lab(labId).orElseThrow())) {
            return sandbox.check().stream().filter(r -> !r.passed()).map(CheckResult::id)
                    .collect(Collectors.toList());
        }
    }

    private static String trainingPolicy(String arnCondition) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": ["
                + "{\"Sid\": \"Enable IAM User Permissions\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::${account}:root\"}, \"Action\": \"kms:*\", \"Resource\": \"*\"},"
                + "{\"Sid\": \"Training\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::${account}:role/SageMakerExecution\"}, \"Action\": [\"kms:Decrypt\", "
                + "\"kms:DescribeKey\"], \"Resource\": \"*\", \"Condition\": {"
                + "\"StringEquals\": {\"kms:ViaService\": \"s3.us-east-1.amazonaws.com\"},"
                + "\"StringLike\": {\"kms:EncryptionContext:aws:s3:arn\": " + arnCondition + "}}}]}";
    }

    @Test
    void mlTrainingData_aPrefixMatchOnTheBucketName_failsTheArchiveChecks() throws Exception {
        assertEquals(List.of("archive-denied", "archive-bucket-key-denied"),
                failedAfter("ml-training-data-s3", "ml", trainingPolicy("\"arn:aws:s3:::ml-training-data*\"")));
    }

    @Test
    void mlTrainingData_onlyTheObjectPattern_failsTheBucketKeyCheck() throws Exception {
        assertEquals(List.of("training-bucket-key"),
                failedAfter("ml-training-data-s3", "ml", trainingPolicy("\"arn:aws:s3:::ml-training-data/*\"")));
    }

    @Test
    void mlTrainingData_theBucketAndItsObjectsExactly_passes() throws Exception {
        assertEquals(List.of(), failedAfter("ml-training-data-s3", "ml", trainingPolicy(
                "[\"arn:aws:s3:::ml-training-data\", \"arn:aws:s3:::ml-training-data/*\"]")));
    }

    private static LabOperation flowsPolicy(String conditions) throws Exception {
        return new LabOperation("AttachPolicy", LabArgs.of(Map.of("principal", "role/FlowBuilder", "policyName",
                "FlowsKey", "policy", json("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
                        + "\"Action\": [\"kms:GenerateDataKey\", \"kms:Decrypt\"], \"Resource\": \"${key:flows}\", "
                        + "\"Condition\": {\"StringEquals\": {" + conditions + "}}}]}"))));
    }

    private static final String SUPPORT_FLOW =
            "\"kms:EncryptionContext:aws:bedrock-flows:arn\": \"arn:aws:bedrock:us-east-1:111122223333:flow/SUPPORTBOT\"";
    private static final String VIA_BEDROCK = "\"kms:ViaService\": \"bedrock.us-east-1.amazonaws.com\"";

    @Test
    void bedrockFlow_theOpenPolicyAtStart_failsEveryDenyCheck() {
        assertEquals(List.of("hr-denied", "direct-denied", "no-context-denied"), failedAtStart("bedrock-flow-key"));
    }

    @Test
    void bedrockFlow_viaServiceAlone_stillDecryptsTheOtherFlow() throws Exception {
        assertEquals(List.of("hr-denied", "no-context-denied"), failedAfter("bedrock-flow-key", flowsPolicy(VIA_BEDROCK)));
    }

    @Test
    void bedrockFlow_theFlowArnAlone_stillAllowsDirectCalls() throws Exception {
        assertEquals(List.of("direct-denied"), failedAfter("bedrock-flow-key", flowsPolicy(SUPPORT_FLOW)));
    }

    @Test
    void bedrockFlow_bothConditions_passes() throws Exception {
        assertEquals(List.of(), failedAfter("bedrock-flow-key", flowsPolicy(SUPPORT_FLOW + ", " + VIA_BEDROCK)));
    }

    private static String guardrailPolicy(String appActions) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": ["
                + "{\"Sid\": \"Enable IAM User Permissions\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::${account}:root\"}, \"Action\": \"kms:*\", \"Resource\": \"*\"},"
                + "{\"Sid\": \"Creators\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::${account}:role/GuardrailAdmin\"}, \"Action\": [\"kms:Decrypt\", "
                + "\"kms:GenerateDataKey\", \"kms:DescribeKey\", \"kms:CreateGrant\"], \"Resource\": \"*\"},"
                + "{\"Sid\": \"Users\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::${account}:role/ChatApp\"}, \"Action\": " + appActions + ", \"Resource\": \"*\"}]}";
    }

    @Test
    void bedrockGuardrail_theSharedKmsStarAtStart_failsEveryDenyCheck() {
        assertEquals(List.of("admin-no-policy", "admin-no-delete", "app-no-data-key", "app-no-grant", "app-no-disable"),
                failedAtStart("bedrock-guardrail-key"));
    }

    @Test
    void bedrockGuardrail_theUserGivenTheCreatorsActions_failsTheUserChecks() throws Exception {
        assertEquals(List.of("app-no-data-key", "app-no-grant"), failedAfter("bedrock-guardrail-key", "guardrails",
                guardrailPolicy("[\"kms:Decrypt\", \"kms:GenerateDataKey\", \"kms:DescribeKey\", \"kms:CreateGrant\"]")));
    }

    @Test
    void bedrockGuardrail_decryptOnlyForTheUser_passes() throws Exception {
        assertEquals(List.of(), failedAfter("bedrock-guardrail-key", "guardrails", guardrailPolicy("\"kms:Decrypt\"")));
    }
}
