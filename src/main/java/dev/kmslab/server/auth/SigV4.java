package dev.kmslab.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The arithmetic of AWS Signature Version 4 for services other than S3, as the SigV4 specification lays it out:
 * <ol>
 *   <li>canonical request = method, canonical URI, canonical query, canonical headers, signed header names and the
 *       hex SHA-256 of the payload, one per line;</li>
 *   <li>string to sign = {@code AWS4-HMAC-SHA256}, the {@code X-Amz-Date} timestamp, the credential scope
 *       ({@code date/region/service/aws4_request}) and the hex SHA-256 of the canonical request;</li>
 *   <li>signing key = HMAC chain {@code "AWS4" + secret} → date → region → service → {@code "aws4_request"};</li>
 *   <li>signature = hex HMAC-SHA256(signing key, string to sign).</li>
 * </ol>
 * Stateless and thread-safe; the MAC and digest instances are per thread because creating them dominates the cost.
 */
public final class SigV4 {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
        }
    });
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    });

    /** Where the canonical request reads header values: every value of a header, by lower-case name. */
    @FunctionalInterface
    public interface HeaderValues {
        List<String> get(String lowerCaseName);
    }

    private SigV4() {
    }

    public static String canonicalRequest(String method, String rawPath, String rawQuery, HeaderValues headers,
                                          List<String> signedHeaders, String payloadHashHex) {
        StringBuilder out = new StringBuilder(256);
        out.append(method.toUpperCase(Locale.ROOT)).append('\n');
        out.append(canonicalUri(rawPath)).append('\n');
        out.append(canonicalQuery(rawQuery)).append('\n');
        for (String name : signedHeaders) {
            out.append(name).append(':');
            List<String> values = headers.get(name);
            if (values != null) {
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    appendTrimmed(out, values.get(i));
                }
            }
            out.append('\n');
        }
        out.append('\n').append(String.join(";", signedHeaders)).append('\n').append(payloadHashHex);
        return out.toString();
    }

    public static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM + '\n' + amzDate + '\n' + scope + '\n'
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    public static String signature(byte[] signingKey, String stringToSign) {
        return hex(hmac(signingKey, stringToSign));
    }

    public static String sha256Hex(byte[] data) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return hex(digest.digest(data));
    }

    static byte[] hmac(byte[] key, String data) {
        Mac mac = MAC.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an HMAC key of any length is valid", e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /** Leading and trailing blanks removed, inner runs of spaces folded to one (the spec's "trimall"). */
    private static void appendTrimmed(StringBuilder out, String value) {
        String trimmed = value.strip();
        boolean lastSpace = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == ' ') {
                if (!lastSpace) {
                    out.append(c);
                }
                lastSpace = true;
            } else {
                out.append(c);
                lastSpace = false;
            }
        }
    }

    /** Each path segment URI-encoded once more (non-S3 services encode twice); an empty path is "/". */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(rawPath.length() + 8);
        String[] segments = rawPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(UriEncoding.encode(segments[i]));
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    /** Parameters decoded, re-encoded strictly, sorted by name then value; a bare name gets an empty value. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new String[] {UriEncoding.encode(UriEncoding.decode(name)),
                UriEncoding.encode(UriEncoding.decode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder();
        for (String[] pair : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }
}
