package dev.kmslab.server.classroom;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Ready-made IAM identity policies for students, attached inline as {@code kmslab-<template>}. They grant on
 * {@code "Resource": "*"}: key policies still decide (the default key policy lets the account's IAM policies apply),
 * so an instructor can also give a student a key through its key policy or a grant instead.
 */
public enum StudentPolicy {

    /** Create keys and aliases, use keys for encryption and data keys, read everything; no deletion or policy edits. */
    KMS_STUDENT("kms-student", "create keys and aliases, encrypt, decrypt and generate data keys, read everything; "
            + "no deletion, disabling or key policy changes", """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "StudentKeyUse",
                  "Effect": "Allow",
                  "Action": [
                    "kms:CreateKey", "kms:CreateAlias", "kms:TagResource",
                    "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                    "kms:GenerateRandom", "kms:Sign", "kms:Verify", "kms:GenerateMac", "kms:VerifyMac",
                    "kms:Describe*", "kms:List*", "kms:Get*"
                  ],
                  "Resource": "*"
                }
              ]
            }
            """),
    /** Look, don't touch: list, describe and read policies and public keys. */
    KMS_READONLY("kms-readonly", "list and describe keys, read policies and public keys; nothing else", """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "StudentReadOnly",
                  "Effect": "Allow",
                  "Action": [ "kms:Describe*", "kms:List*", "kms:Get*" ],
                  "Resource": "*"
                }
              ]
            }
            """),
    /** Every KMS action (as an administrator would have). */
    KMS_FULL("kms-full", "every KMS action", """
            {
              "Version": "2012-10-17",
              "Statement": [
                { "Sid": "StudentFullKms", "Effect": "Allow", "Action": "kms:*", "Resource": "*" }
              ]
            }
            """),
    /** No identity policy: the student can call only what key policies and grants allow them. */
    NONE("none", "no identity policy: only what key policies and grants allow the student", null);

    private final String templateName;
    private final String summary;
    private final String json;

    StudentPolicy(String templateName, String summary, String json) {
        this.templateName = templateName;
        this.summary = summary;
        this.json = json;
    }

    /** The name used in rosters and on the command line ({@code kms-student}). */
    public String templateName() {
        return templateName;
    }

    public String summary() {
        return summary;
    }

    /** The policy document, or empty for {@link #NONE}. */
    public Optional<String> json() {
        return Optional.ofNullable(json);
    }

    /** The inline policy name on the IAM user. */
    public String policyName() {
        return "kmslab-" + templateName;
    }

    public static Optional<StudentPolicy> find(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.templateName.equals(wanted)).findFirst();
    }

    /** {@code kms-student, kms-readonly, kms-full, none}. */
    public static String names() {
        return Arrays.stream(values()).map(StudentPolicy::templateName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return templateName;
    }
}
