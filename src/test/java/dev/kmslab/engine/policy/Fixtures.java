package dev.kmslab.engine.policy;

import java.time.Instant;

/** Accounts, principals and policies modelled on the AWS KMS developer guide's examples. */
final class Fixtures {

    static final String A = "111122223333";
    static final String B = "444455556666";
    static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String OTHER_KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321";
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    static final AccountRoot ROOT_A = new AccountRoot(A);
    static final AccountRoot ROOT_B = new AccountRoot(B);
    static final IamUser ALICE = new IamUser(A, "alice");
    static final IamUser BOB_B = new IamUser(B, "bob");
    static final IamRole KEY_ADMIN = new IamRole(A, "KeyAdmin");
    static final IamRole KEY_USER = new IamRole(A, "KeyUser");
    static final IamRole APP_ROLE = new IamRole(A, "AppRole");
    static final IamRole PARTNER_ROLE = new IamRole(B, "PartnerRole");
    static final Principal S3 = new ServicePrincipal("s3.amazonaws.com");
    static final Principal CLOUDTRAIL = new ServicePrincipal("cloudtrail.amazonaws.com");

    private Fixtures() {
    }

    static final String ROOT_STATEMENT = """
            {
              "Sid": "Enable IAM User Permissions",
              "Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
              "Action": "kms:*",
              "Resource": "*"
            }""";

    static final String ADMIN_AND_USER_STATEMENTS = """
            {
              "Sid": "Allow access for Key Administrators",
              "Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyAdmin"},
              "Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*",
                         "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource",
                         "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
                         "kms:RotateKeyOnDemand"],
              "Resource": "*"
            },
            {
              "Sid": "Allow use of the key",
              "Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyUser"},
              "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
              "Resource": "*"
            },
            {
              "Sid": "Allow attachment of persistent resources",
              "Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyUser"},
              "Action": ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
              "Resource": "*",
              "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"}}
            }""";

    /** The policy the console writes when key administrators and key users are chosen. */
    static final String CONSOLE_POLICY = policy(ROOT_STATEMENT, ADMIN_AND_USER_STATEMENTS);

    /** The console policy without the statement that enables IAM policies. */
    static final String NO_DELEGATION_POLICY = policy(ADMIN_AND_USER_STATEMENTS);

    static String policy(String... statements) {
        return "{\n\"Version\": \"2012-10-17\",\n\"Statement\": [\n" + String.join(",\n", statements) + "\n]\n}";
    }

    /** A key-policy statement for one principal ARN. */
    static String allow(String principalArn, String actions, String condition) {
        return statement("Allow", "{\"AWS\": \"" + principalArn + "\"}", actions, condition);
    }

    static String statement(String effect, String principal, String actions, String condition) {
        return "{\"Effect\": \"" + effect + "\", \"Principal\": " + principal + ", \"Action\": " + actions
                + ", \"Resource\": \"*\"" + (condition == null ? "" : ", \"Condition\": " + condition) + "}";
    }

    /** An IAM identity policy with one statement. */
    static AttachedPolicy iam(String name, String effect, String actions, String resource) {
        return new AttachedPolicy(name, PolicyParser.parseIdentityPolicy("{\"Version\": \"2012-10-17\","
                + " \"Statement\": {\"Effect\": \"" + effect + "\", \"Action\": " + actions + ", \"Resource\": \""
                + resource + "\"}}"));
    }
}
