package dev.kmslab.server.auth;

import dev.kmslab.server.error.WireError;
import java.util.List;

/**
 * The parsed {@code Authorization} header of a SigV4 request:
 * {@code AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/kms/aws4_request, SignedHeaders=host;x-amz-date,
 * Signature=<64 hex>}.
 */
public record AuthorizationHeader(String accessKeyId, String date, String region, String service,
                                  List<String> signedHeaders, String signature) {

    // Checked char by char rather than by regular expression: every request is parsed, and a Matcher per check
    // showed in the endpoint's profile. Same rules: exactly 64 of [0-9a-f]; exactly 8 of [0-9].
    private static boolean isSignature(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDate(String text) {
        if (text.length() != 8) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code date/region/service/aws4_request}. */
    public String scope() {
        return date + "/" + region + "/" + service + "/aws4_request";
    }

    /** Parses the header, failing with AWS's IncompleteSignatureException wording for anything missing. */
    public static AuthorizationHeader parse(String header) {
        if (header == null || header.isBlank()) {
            throw WireError.missingAuthentication();
        }
        String value = header.strip();
        if (!value.startsWith(SigV4.ALGORITHM + " ")) {
            throw WireError.incompleteSignature("Authorization header requires the " + SigV4.ALGORITHM
                    + " algorithm.");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : value.substring(SigV4.ALGORITHM.length()).split(",")) {
            String item = part.strip();
            if (item.startsWith("Credential=")) {
                credential = item.substring("Credential=".length());
            } else if (item.startsWith("SignedHeaders=")) {
                signedHeaders = item.substring("SignedHeaders=".length());
            } else if (item.startsWith("Signature=")) {
                signature = item.substring("Signature=".length());
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw WireError.incompleteSignature("Authorization header requires 'Credential', 'SignedHeaders' and "
                    + "'Signature' parameters.");
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || scope[0].isEmpty() || !isDate(scope[1])
                || !"aws4_request".equals(scope[4])) {
            throw WireError.incompleteSignature("Credential must have the form "
                    + "<access key id>/<yyyyMMdd>/<region>/<service>/aws4_request.");
        }
        if (!isSignature(signature)) {
            throw WireError.incompleteSignature("Signature must be 64 lower-case hexadecimal characters.");
        }
        List<String> names = List.of(signedHeaders.split(";", -1));
        for (String name : names) {
            if (name.isEmpty() || !name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
                throw WireError.incompleteSignature("SignedHeaders must be lower-case names separated by ';'.");
            }
        }
        return new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3], names, signature);
    }
}
