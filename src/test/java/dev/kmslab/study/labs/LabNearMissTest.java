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
        Lab lab = LABS.lab(labId).orElseThrow();
        try (LabSandbox sandbox = LabSandbox.start(lab)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> policy = new ObjectMapper().readValue(policyJson, Map.class);
            sandbox.run(new LabOperation("PutKeyPolicy", LabArgs.of(Map.of("key", keyName, "policy", policy))));
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
}
