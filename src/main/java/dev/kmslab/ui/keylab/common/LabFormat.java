package dev.kmslab.ui.keylab.common;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** How the Key Lab writes times, key ids and bytes: UTC like the AWS console's API output, compact and sortable. */
public final class LabFormat {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private LabFormat() {
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    public static String seconds(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant);
    }

    /** The key id from a key ARN ({@code arn:aws:kms:<region>:<account>:key/<id>}), or the input unchanged. */
    public static String keyIdOf(String arnOrId) {
        if (arnOrId == null) {
            return "";
        }
        int slash = arnOrId.lastIndexOf(":key/");
        return slash < 0 ? arnOrId : arnOrId.substring(slash + 5);
    }

    /** The first 8 characters of a key id, enough to tell keys apart in a sentence. */
    public static String shortId(String arnOrId) {
        String id = keyIdOf(arnOrId);
        return id.length() <= 8 ? id : id.substring(0, 8) + "…";
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
