package dev.kmslab.ui.keylab.policies;

import dev.kmslab.engine.policy.DefaultKeyPolicy;
import dev.kmslab.ui.keylab.actas.DemoPrincipals;
import java.util.List;
import java.util.function.Function;

/**
 * Starting points for a key policy, filled in with the key's account, Region and the lab's demo roles. Each keeps the
 * statement that lets the account (and so its IAM policies) manage the key, which is what keeps a key from becoming
 * unmanageable. The patterns follow the AWS KMS developer guide's key policy examples.
 */
public final class PolicyTemplates {

    /** What a template is filled with. */
    public record Inputs(String account, String region, String keyArn) {

        String root() {
            return "arn:aws:iam::" + account + ":root";
        }

        String adminRole() {
            return "arn:aws:iam::" + account + ":role/" + DemoPrincipals.KEY_ADMIN;
        }

        String appRole() {
            return "arn:aws:iam::" + account + ":role/" + DemoPrincipals.APP;
        }
    }

    /** A named template and what it teaches. */
    public record Template(String name, String description, Function<Inputs, String> text) {

        public String render(Inputs inputs) {
            return text.apply(inputs);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String USE_ACTIONS = """
            [ "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey" ]""";

    private static final String ADMIN_ACTIONS = """
            [ "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*",
                          "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*",
                          "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion",
                          "kms:CancelKeyDeletion", "kms:RotateKeyOnDemand" ]""";

    public static final List<Template> ALL = List.of(
            new Template("Default", "The policy a key gets when created without one: the account root has full "
                    + "access, so IAM policies decide who else may use the key.",
                    in -> DefaultKeyPolicy.forAccount(in.account())),
            new Template("Administrators + users", "Key administrators manage the key but cannot use it; key users "
                    + "use it (and may create grants only for AWS services) but cannot manage it.",
                    PolicyTemplates::adminsAndUsers),
            new Template("Cross-account", "Lets another account (" + DemoPrincipals.PARTNER_ACCOUNT + ") use the key. "
                    + "That account's IAM policies must still allow its roles and users to use it.",
                    PolicyTemplates::crossAccount),
            new Template("Only via S3", "The App role may use the key only in requests Amazon S3 makes on its behalf "
                    + "(kms:ViaService); a direct call is denied even though its IAM policy allows it.",
                    PolicyTemplates::onlyViaS3),
            new Template("Only with an encryption context", "The App role must send the encryption context pair "
                    + "Department=Finance; without it, encrypting and decrypting are denied.",
                    PolicyTemplates::onlyWithContext));

    private PolicyTemplates() {
    }

    private static String header(String id, Inputs in) {
        return """
                {
                  "Version" : "2012-10-17",
                  "Id" : "%s",
                  "Statement" : [ {
                    "Sid" : "Enable IAM User Permissions",
                    "Effect" : "Allow",
                    "Principal" : { "AWS" : "%s" },
                    "Action" : "kms:*",
                    "Resource" : "*"
                  }""".formatted(id, in.root());
    }

    private static String adminsAndUsers(Inputs in) {
        return header("key-admins-and-users", in) + """
                , {
                    "Sid" : "Allow access for Key Administrators",
                    "Effect" : "Allow",
                    "Principal" : { "AWS" : "%s" },
                    "Action" : %s,
                    "Resource" : "*"
                  }, {
                    "Sid" : "Allow use of the key",
                    "Effect" : "Allow",
                    "Principal" : { "AWS" : "%s" },
                    "Action" : %s,
                    "Resource" : "*"
                  }, {
                    "Sid" : "Allow attachment of persistent resources",
                    "Effect" : "Allow",
                    "Principal" : { "AWS" : "%s" },
                    "Action" : [ "kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant" ],
                    "Resource" : "*",
                    "Condition" : { "Bool" : { "kms:GrantIsForAWSResource" : "true" } }
                  } ]
                }""".formatted(in.adminRole(), ADMIN_ACTIONS, in.appRole(), USE_ACTIONS, in.appRole());
    }

    private static String crossAccount(Inputs in) {
        return header("key-cross-account", in) + """
                , {
                    "Sid" : "Allow an external account to use this key",
                    "Effect" : "Allow",
                    "Principal" : { "AWS" : "arn:aws:iam::%s:root" },
                    "Action" : %s,
                    "Resource" : "*"
                  } ]
                }""".formatted(DemoPrincipals.PARTNER_ACCOUNT, USE_ACTIONS);
    }

    private static String onlyViaS3(Inputs in) {
        String s3 = "s3." + in.region() + ".amazonaws.com";
        return header("key-only-via-s3", in) + """
                , {
                    "Sid" : "Allow use through Amazon S3",
                    "Effect" : "Allow",
                    "Principal" : { "AWS" : "%s" },
                    "Action" : %s,
                    "Resource" : "*",
                    "Condition" : {
                      "StringEquals" : { "kms:ViaService" : "%s", "kms:CallerAccount" : "%s" }
                    }
                  }, {
                    "Sid" : "Deny use outside Amazon S3",
                    "Effect" : "Deny",
                    "Principal" : { "AWS" : "%s" },
                    "Action" : [ "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*" ],
                    "Resource" : "*",
                    "Condition" : { "StringNotEquals" : { "kms:ViaService" : "%s" } }
                  } ]
                }""".formatted(in.appRole(), USE_ACTIONS, s3, in.account(), in.appRole(), s3);
    }

    private static String onlyWithContext(Inputs in) {
        return header("key-only-with-context", in) + """
                , {
                    "Sid" : "Allow use with the Finance context",
                    "Effect" : "Allow",
                    "Principal" : { "AWS" : "%s" },
                    "Action" : [ "kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*" ],
                    "Resource" : "*",
                    "Condition" : { "StringEquals" : { "kms:EncryptionContext:Department" : "Finance" } }
                  }, {
                    "Sid" : "Deny use without the Finance context",
                    "Effect" : "Deny",
                    "Principal" : { "AWS" : "%s" },
                    "Action" : [ "kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*" ],
                    "Resource" : "*",
                    "Condition" : { "StringNotEquals" : { "kms:EncryptionContext:Department" : "Finance" } }
                  } ]
                }""".formatted(in.appRole(), in.appRole());
    }
}
