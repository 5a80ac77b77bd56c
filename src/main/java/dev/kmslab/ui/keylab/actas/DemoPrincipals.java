package dev.kmslab.ui.keylab.actas;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.LabPrincipals;

/**
 * The principals a fresh lab starts with, so "Act as" has something to show: a key administrator and an application
 * role in the lab's account, and a partner role in another account. Each gets an IAM policy shaped like the ones AWS
 * documents, so that under the default key policy (which delegates to IAM) the administrator can manage keys but not
 * use them, the application can use keys but not manage them, and the partner can do nothing until a key policy
 * names its account.
 */
public final class DemoPrincipals {

    public static final String KEY_ADMIN = "KeyAdmin";
    public static final String APP = "App";
    public static final String PARTNER = "Partner";
    public static final String PARTNER_ACCOUNT = "444455556666";

    private DemoPrincipals() {
    }

    /**
     * Seeds the demo set unless the lab's account or the partner account already has a user or role (a lab seeded
     * before whose roles the learner removed in one account stays as the learner left it). The partner account itself
     * always exists now (it is the lab's second account), so its presence alone says nothing. Returns true if it
     * seeded.
     */
    public static boolean seedIfEmpty(KmsEngine engine) {
        LabPrincipals dir = engine.principals();
        String account = engine.account();
        boolean partnerUsed = dir.accounts().contains(PARTNER_ACCOUNT)
                && (!dir.users(PARTNER_ACCOUNT).isEmpty() || !dir.roles(PARTNER_ACCOUNT).isEmpty());
        if (!dir.users(account).isEmpty() || !dir.roles(account).isEmpty() || partnerUsed) {
            return false;
        }
        dir.createRole(account, KEY_ADMIN);
        dir.attachRolePolicy(account, KEY_ADMIN, "KeyAdministration", adminPolicy());
        dir.createRole(account, APP);
        dir.attachRolePolicy(account, APP, "UseKeys", appPolicy());
        dir.createRole(PARTNER_ACCOUNT, PARTNER);
        dir.attachRolePolicy(PARTNER_ACCOUNT, PARTNER, "UsePartnerKeys", partnerPolicy(account));
        return true;
    }

    static String describe(String roleName, boolean ownAccount) {
        if (ownAccount && KEY_ADMIN.equals(roleName)) {
            return "Key administrator: may manage keys (create, describe, disable, set policies) but not use them.";
        }
        if (ownAccount && APP.equals(roleName)) {
            return "Application role: may encrypt, decrypt and generate data keys, but not manage keys.";
        }
        if (!ownAccount && PARTNER.equals(roleName)) {
            return "A role in another account: its IAM policy allows use of your keys, but only a key policy that "
                    + "names its account lets it in.";
        }
        return ownAccount ? "An IAM role of this account." : "An IAM role of another account.";
    }

    /** The administrator actions of the console's default key policy, as an identity policy. */
    static String adminPolicy() {
        return "{\n"
                + "  \"Version\": \"2012-10-17\",\n"
                + "  \"Statement\": [{\n"
                + "    \"Sid\": \"AdministerKeys\",\n"
                + "    \"Effect\": \"Allow\",\n"
                + "    \"Action\": [\"kms:Create*\", \"kms:Describe*\", \"kms:Enable*\", \"kms:List*\", \"kms:Put*\",\n"
                + "               \"kms:Update*\", \"kms:Revoke*\", \"kms:Disable*\", \"kms:Get*\", \"kms:Delete*\",\n"
                + "               \"kms:TagResource\", \"kms:UntagResource\", \"kms:ScheduleKeyDeletion\",\n"
                + "               \"kms:CancelKeyDeletion\", \"kms:RotateKeyOnDemand\"],\n"
                + "    \"Resource\": \"*\"\n"
                + "  }]\n"
                + "}";
    }

    static String appPolicy() {
        return "{\n"
                + "  \"Version\": \"2012-10-17\",\n"
                + "  \"Statement\": [{\n"
                + "    \"Sid\": \"UseKeys\",\n"
                + "    \"Effect\": \"Allow\",\n"
                + "    \"Action\": [\"kms:Encrypt\", \"kms:Decrypt\", \"kms:ReEncrypt*\", \"kms:GenerateDataKey*\",\n"
                + "               \"kms:DescribeKey\", \"kms:ListKeys\", \"kms:ListAliases\", \"kms:GenerateRandom\"],\n"
                + "    \"Resource\": \"*\"\n"
                + "  }]\n"
                + "}";
    }

    static String partnerPolicy(String keyAccount) {
        return "{\n"
                + "  \"Version\": \"2012-10-17\",\n"
                + "  \"Statement\": [{\n"
                + "    \"Sid\": \"UsePartnerKeys\",\n"
                + "    \"Effect\": \"Allow\",\n"
                + "    \"Action\": [\"kms:Encrypt\", \"kms:Decrypt\", \"kms:GenerateDataKey*\", \"kms:DescribeKey\"],\n"
                + "    \"Resource\": \"arn:aws:kms:*:" + keyAccount + ":key/*\"\n"
                + "  }]\n"
                + "}";
    }
}
