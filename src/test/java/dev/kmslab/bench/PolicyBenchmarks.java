package dev.kmslab.bench;

import dev.kmslab.engine.policy.AttachedPolicy;
import dev.kmslab.engine.policy.EvaluationRequest;
import dev.kmslab.engine.policy.IamRole;
import dev.kmslab.engine.policy.PolicyDocument;
import dev.kmslab.engine.policy.PolicyEvaluator;
import dev.kmslab.engine.policy.PolicyParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Policy decisions per second on one thread: a role session calls Decrypt against a realistic 10-statement key
 * policy (administrators, users with encryption-context and ViaService conditions, Deny guards, IAM delegation)
 * plus one IAM policy, building the full trace each time as the engine does.
 */
public final class PolicyBenchmarks {

    private static final String ACCOUNT = "111122223333";
    private static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private PolicyBenchmarks() {
    }

    public static void main(String[] args) {
        run();
    }

    public static void run() {
        PolicyEvaluator evaluator = new PolicyEvaluator();
        EvaluationRequest request = request();
        if (!evaluator.evaluate(request).allowed()) {
            throw new IllegalStateException("the benchmark request must be allowed:\n"
                    + evaluator.evaluate(request).explain());
        }
        // Warm-up and run are bounded by this thread's CPU time, not wall time: on a busy machine a wall-clock
        // warm-up can end before the JIT has compiled the evaluator, and the run would time the interpreter.
        measure(evaluator, request, 2_000_000_000L);
        double[] rates = measure(evaluator, request, 3_000_000_000L);
        Bench.report("policy.decisions_1t", rates[0], "ops/s");
        Bench.info("policy.decisions_1t", String.format(java.util.Locale.ROOT,
                "wall-clock %.0f ops/s; the reported rate divides by the thread's CPU time so that other"
                        + " processes on the machine do not skew it", rates[1]));
    }

    /** Runs for {@code cpuNanos} of this thread's CPU time; returns {decisions per CPU second, per wall second}. */
    private static double[] measure(PolicyEvaluator evaluator, EvaluationRequest request, long cpuNanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long count = 0;
        long allowed = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long cpu;
        do {
            for (int i = 0; i < 1000; i++) {
                if (evaluator.evaluate(request).allowed()) {
                    allowed++;
                }
            }
            count += 1000;
            cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        } while (cpu < cpuNanos);
        long wall = System.nanoTime() - start;
        if (allowed != count) {
            throw new IllegalStateException("decisions changed during the run");
        }
        return new double[] {count * 1e9 / cpu, count * 1e9 / wall};
    }

    private static EvaluationRequest request() {
        PolicyDocument policy = PolicyParser.parse(POLICY);
        AttachedPolicy iam = new AttachedPolicy("AppKeys", PolicyParser.parseIdentityPolicy(
                "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
                        + " [\"kms:Decrypt\", \"kms:GenerateDataKey*\"], \"Resource\": \"arn:aws:kms:*:111122223333:key/*\"}]}"));
        return EvaluationRequest.builder(new IamRole(ACCOUNT, "KeyUser").session("app-42"), "kms:Decrypt", KEY_ARN,
                        ACCOUNT, policy)
                .identityPolicies(List.of(iam))
                .encryptionContext(Map.of("Department", "Finance", "Project", "Ledger"))
                .condition("kms:ViaService", "s3.us-east-1.amazonaws.com")
                .condition("kms:EncryptionAlgorithm", "SYMMETRIC_DEFAULT")
                .now(Instant.parse("2026-06-01T12:00:00Z"))
                .build();
    }

    private static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Id": "bench-policy",
              "Statement": [
                {"Sid": "Enable IAM User Permissions", "Effect": "Allow",
                 "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"},
                {"Sid": "Key administrators", "Effect": "Allow",
                 "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyAdmin"},
                 "Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*",
                            "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:ScheduleKeyDeletion",
                            "kms:CancelKeyDeletion"], "Resource": "*"},
                {"Sid": "Key users through S3", "Effect": "Allow",
                 "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyUser"},
                 "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"], "Resource": "*",
                 "Condition": {"StringLike": {"kms:ViaService": "s3.*.amazonaws.com"},
                               "StringEquals": {"kms:EncryptionContext:Department": ["Finance", "Audit"]}}},
                {"Sid": "Only known context keys", "Effect": "Allow",
                 "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyUser"}, "Action": "kms:Decrypt",
                 "Resource": "*",
                 "Condition": {"ForAllValues:StringEquals": {"kms:EncryptionContextKeys": ["Department", "Project"]}}},
                {"Sid": "Grants for AWS resources", "Effect": "Allow",
                 "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyUser"},
                 "Action": ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"], "Resource": "*",
                 "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"}}},
                {"Sid": "Partner account", "Effect": "Allow",
                 "Principal": {"AWS": ["arn:aws:iam::444455556666:root", "arn:aws:iam::777788889999:role/Reader"]},
                 "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": "*",
                 "Condition": {"StringEquals": {"kms:CallerAccount": ["444455556666", "777788889999"]}}},
                {"Sid": "CloudTrail", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
                 "Action": "kms:GenerateDataKey*", "Resource": "*",
                 "Condition": {"StringLike": {"kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111122223333:trail/*"}}},
                {"Sid": "Deny short deletion windows", "Effect": "Deny", "Principal": "*",
                 "Action": "kms:ScheduleKeyDeletion", "Resource": "*",
                 "Condition": {"NumericLessThan": {"kms:ScheduleKeyDeletionPendingWindowInDays": "30"}}},
                {"Sid": "Deny non-production context", "Effect": "Deny", "Principal": "*",
                 "Action": "kms:Decrypt", "Resource": "*",
                 "Condition": {"StringEquals": {"kms:EncryptionContext:Stage": "test"}}},
                {"Sid": "Deny after project end", "Effect": "Deny", "Principal": "*", "Action": "kms:*",
                 "Resource": "*",
                 "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"},
                               "ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/Temp*"}}}
              ]
            }""";
}
