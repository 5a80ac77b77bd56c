package dev.kmslab.server.auth;

import dev.kmslab.server.error.WireError;
import java.util.List;

/**
 * What a request refused before authentication claimed about itself, for the audit trail: the access key id its
 * {@code Authorization} header names (cut to 128 characters, {@code null} when the header is missing or unreadable)
 * and the Region of its credential scope when the endpoint serves it (otherwise the endpoint's first Region). Never
 * the signature, the secret or a session token.
 */
public record PresentedKey(String accessKeyId, String region) {

    private static final int MAX_KEY_ID = 128;

    public static PresentedKey of(SigV4.HeaderValues headers, List<String> regions) {
        String region = regions.get(0);
        List<String> header = headers.get("authorization");
        if (header == null || header.isEmpty()) {
            return new PresentedKey(null, region);
        }
        AuthorizationHeader auth;
        try {
            auth = AuthorizationHeader.parse(header.get(0));
        } catch (WireError unreadable) {
            return new PresentedKey(null, region); // the refusal says what was wrong with the header
        }
        String keyId = auth.accessKeyId().length() > MAX_KEY_ID ? auth.accessKeyId().substring(0, MAX_KEY_ID) + "…"
                : auth.accessKeyId();
        return new PresentedKey(keyId, regions.contains(auth.region()) ? auth.region() : region);
    }
}
