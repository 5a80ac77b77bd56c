package dev.kmslab.engine.core;

import java.util.regex.Pattern;

/** ARN spelling for keys ({@code arn:aws:kms:<region>:<account>:key/<id>}) and aliases. */
public final class Arns {

    private static final Pattern KEY_ID = Pattern.compile(
            "^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$");

    private Arns() {
    }

    public static String keyArnPrefix(String account, String region) {
        return "arn:aws:kms:" + region + ":" + account + ":key/";
    }

    public static String aliasArnPrefix(String account, String region) {
        return "arn:aws:kms:" + region + ":" + account + ":alias/";
    }

    public static String keyArn(String account, String region, String keyId) {
        return keyArnPrefix(account, region) + keyId;
    }

    /** The ARN of an alias name such as {@code alias/app}. */
    public static String aliasArn(String account, String region, String aliasName) {
        return "arn:aws:kms:" + region + ":" + account + ":" + aliasName;
    }

    public static boolean looksLikeKeyId(String value) {
        return KEY_ID.matcher(value).matches();
    }
}
