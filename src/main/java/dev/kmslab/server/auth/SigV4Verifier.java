package dev.kmslab.server.auth;

import dev.kmslab.server.error.WireError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a request's SigV4 signature the way AWS does and returns the credential that signed it. Checks, in order:
 * the header is complete; {@code X-Amz-Date} is present and agrees with the credential scope; {@code host} is signed;
 * the access key is known; the scope names this service and Region; the timestamp is within five minutes of the real
 * clock (not the engine's simulated clock, which may be far in the future); the signature matches, compared in
 * constant time.
 *
 * <p>Only header-based signing is supported (what SDKs and the CLI use for KMS); presigned query strings are not.
 * Temporary credentials must carry their session token in {@code X-Amz-Security-Token}. Derived signing keys are
 * cached per access key and day, as AWS SDKs do on the signing side.
 */
public final class SigV4Verifier {

    public static final String SERVICE = "kms";
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final int MAX_CACHED_KEYS = 4096;
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Parses X-Amz-Date (immutable and thread-safe: compiling the pattern per request cost more than the HMACs). */
    private static final DateTimeFormatter AMZ_DATE_PARSER = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final CredentialResolver credentials;
    private final List<String> regions;
    private final Clock clock;
    private final String service;
    private final Map<String, CachedKey> signingKeys = new ConcurrentHashMap<>();

    private record CachedKey(String secret, byte[] key) {
    }

    /** What the verifier needs from an HTTP request. */
    public record SignedRequest(String method, String rawPath, String rawQuery, SigV4.HeaderValues headers,
                                byte[] body) {
    }

    /** A correctly signed request: who signed it, and for which Region. */
    public record Verified(Credential credential, String region) {
    }

    public SigV4Verifier(CredentialResolver credentials, String region, Clock clock) {
        this(credentials, List.of(region), clock);
    }

    /** A verifier for an endpoint that serves several Regions; the credential scope picks one. */
    public SigV4Verifier(CredentialResolver credentials, List<String> regions, Clock clock) {
        this(credentials, regions, clock, SERVICE);
    }

    /** A verifier for another service's signing name (STS on the same port signs for {@code sts}). */
    public SigV4Verifier(CredentialResolver credentials, List<String> regions, Clock clock, String service) {
        this.credentials = credentials;
        this.regions = List.copyOf(regions);
        this.clock = clock;
        this.service = service;
    }

    /** The credential that signed the request; a {@link WireError} if the request is not correctly signed. */
    public Credential verify(SignedRequest request) {
        return verifyScoped(request).credential();
    }

    /** As {@link #verify}, also giving the Region of the credential scope (one this endpoint serves). */
    public Verified verifyScoped(SignedRequest request) {
        AuthorizationHeader auth = AuthorizationHeader.parse(first(request.headers(), "authorization"));
        String amzDateHeader = first(request.headers(), "x-amz-date");
        if (amzDateHeader == null) {
            throw WireError.incompleteSignature("Authorization header requires existence of a 'X-Amz-Date' header "
                    + "(this endpoint does not read the 'Date' header).");
        }
        String amzDate = amzDateHeader.strip();
        Instant signedAt = parseAmzDate(amzDate);
        if (!amzDate.startsWith(auth.date())) {
            throw WireError.invalidSignature("Date in Credential scope does not match YYYYMMDD from ISO-8601 version "
                    + "of date from HTTP: '" + auth.date() + "' != '" + amzDate.substring(0, 8) + "'.");
        }
        if (!auth.signedHeaders().contains("host")) {
            throw WireError.incompleteSignature("'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }
        Credential credential = credentials.find(auth.accessKeyId()).orElseThrow(WireError::unrecognizedClient);
        if (!service.equals(auth.service())) {
            throw WireError.invalidSignature("Credential should be scoped to correct service: '" + service + "'.");
        }
        if (!regions.contains(auth.region())) {
            throw WireError.invalidSignature("Credential should be scoped to a valid region. This endpoint serves '"
                    + String.join("', '", regions) + "', not '" + auth.region() + "'.");
        }
        checkSkew(signedAt, amzDate);
        checkSessionToken(credential, first(request.headers(), "x-amz-security-token"));
        String canonical = SigV4.canonicalRequest(request.method(), request.rawPath(), request.rawQuery(),
                request.headers(), auth.signedHeaders(), SigV4.sha256Hex(request.body()));
        String expected = SigV4.signature(signingKey(credential, auth),
                SigV4.stringToSign(amzDate, auth.scope(), canonical));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw WireError.invalidSignature("The request signature we calculated does not match the signature you "
                    + "provided. Check your AWS Secret Access Key and signing method. Consult the service "
                    + "documentation for details.");
        }
        return new Verified(credential, auth.region());
    }

    private byte[] signingKey(Credential credential, AuthorizationHeader auth) {
        String cacheKey = credential.accessKeyId() + '/' + auth.scope();
        CachedKey cached = signingKeys.get(cacheKey);
        if (cached != null && cached.secret().equals(credential.secretAccessKey())) {
            return cached.key();
        }
        byte[] key = SigV4.signingKey(credential.secretAccessKey(), auth.date(), auth.region(), auth.service());
        if (signingKeys.size() >= MAX_CACHED_KEYS) {
            signingKeys.clear();
        }
        signingKeys.put(cacheKey, new CachedKey(credential.secretAccessKey(), key));
        return key;
    }

    /** Temporary credentials are only valid with the session token they were issued with. */
    private static void checkSessionToken(Credential credential, String token) {
        if (!credential.temporary()) {
            return;
        }
        if (token == null || !MessageDigest.isEqual(token.strip().getBytes(StandardCharsets.UTF_8),
                credential.sessionToken().getBytes(StandardCharsets.UTF_8))) {
            throw WireError.invalidSessionToken();
        }
    }

    private void checkSkew(Instant signedAt, String amzDate) {
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw WireError.invalidSignature("Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 5 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw WireError.invalidSignature("Signature not yet current: " + amzDate + " is still later than "
                    + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " + 5 min.)");
        }
    }

    private static Instant parseAmzDate(String amzDate) {
        try {
            return LocalDateTime.parse(amzDate, AMZ_DATE_PARSER)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw WireError.incompleteSignature("X-Amz-Date must be in ISO-8601 basic format (yyyyMMdd'T'HHmmss'Z')."
                    + " Got '" + truncate(amzDate) + "'.");
        }
    }

    private static String first(SigV4.HeaderValues headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String truncate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
