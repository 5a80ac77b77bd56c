package dev.kmslab.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.server.error.WireError;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each way a SigV4 request can be wrong, and the AWS error it produces. */
class SigV4VerifierTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String AMZ_DATE = "20260301T100000Z";
    private static final byte[] BODY = "{\"KeyId\":\"alias/a\"}".getBytes(StandardCharsets.UTF_8);

    private final AccessKeyStore keys = AccessKeyStore.inMemory("111122223333");
    private final SigV4Verifier verifier = new SigV4Verifier(keys, "us-east-1", Clock.fixed(NOW, ZoneOffset.UTC));

    private Map<String, String> headers(String accessKeyId, String secret, String amzDate, String region,
                                        String service) {
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "127.0.0.1:4599");
        headers.put("x-amz-date", amzDate);
        headers.put("x-amz-target", "TrentService.Encrypt");
        List<String> signed = headers.keySet().stream().sorted().collect(Collectors.toList());
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        String canonical = SigV4.canonicalRequest("POST", "/", null, name -> headers.containsKey(name)
                ? List.of(headers.get(name)) : null, signed, SigV4.sha256Hex(BODY));
        String signature = SigV4.signature(SigV4.signingKey(secret, amzDate.substring(0, 8), region, service),
                SigV4.stringToSign(amzDate, scope, canonical));
        headers.put("authorization", "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope
                + ", SignedHeaders=" + String.join(";", signed) + ", Signature=" + signature);
        return headers;
    }

    private Credential verify(Map<String, String> headers, byte[] body) {
        return verifier.verify(new SigV4Verifier.SignedRequest("POST", "/", null,
                name -> headers.containsKey(name) ? List.of(headers.get(name)) : null, body));
    }

    private static void assertWireError(Runnable call, String type, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(WireError.class, e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Test
    void correctSignature_returnsTheCredentialOfTheKey() throws Exception {
        Credential app = keys.issueAccessKey("arn:aws:iam::111122223333:role/App");
        assertThat(verify(headers("test", "test", AMZ_DATE, "us-east-1", "kms"), BODY).principalArn())
                .isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(verify(headers(app.accessKeyId(), app.secretAccessKey(), AMZ_DATE, "us-east-1", "kms"), BODY))
                .isEqualTo(app);
    }

    @Test
    void wrongSecret_isInvalidSignature() {
        assertWireError(() -> verify(headers("test", "guess", AMZ_DATE, "us-east-1", "kms"), BODY),
                "InvalidSignatureException", "does not match the signature you provided");
    }

    @Test
    void tamperedBody_isInvalidSignature() {
        Map<String, String> headers = headers("test", "test", AMZ_DATE, "us-east-1", "kms");
        byte[] tampered = "{\"KeyId\":\"alias/b\"}".getBytes(StandardCharsets.UTF_8);
        assertWireError(() -> verify(headers, tampered), "InvalidSignatureException", "does not match");
    }

    @Test
    void tamperedSignedHeader_isInvalidSignature() {
        Map<String, String> headers = headers("test", "test", AMZ_DATE, "us-east-1", "kms");
        headers.put("x-amz-target", "TrentService.Decrypt");
        assertWireError(() -> verify(headers, BODY), "InvalidSignatureException", "does not match");
    }

    @Test
    void unknownAccessKey_isUnrecognizedClient() {
        assertWireError(() -> verify(headers("AKIAIOSFODNN7EXAMPLE", "x", AMZ_DATE, "us-east-1", "kms"), BODY),
                "UnrecognizedClientException", "security token included in the request is invalid");
    }

    @Test
    void otherRegion_isRejectedNamingBothRegions() {
        assertWireError(() -> verify(headers("test", "test", AMZ_DATE, "eu-west-1", "kms"), BODY),
                "InvalidSignatureException", "serves 'us-east-1', not 'eu-west-1'");
    }

    @Test
    void otherService_isRejected() {
        assertWireError(() -> verify(headers("test", "test", AMZ_DATE, "us-east-1", "s3"), BODY),
                "InvalidSignatureException", "correct service: 'kms'");
    }

    @Test
    void timestampOlderThanFiveMinutes_isExpired() {
        assertWireError(() -> verify(headers("test", "test", "20260301T095400Z", "us-east-1", "kms"), BODY),
                "InvalidSignatureException", "Signature expired: 20260301T095400Z is now earlier than "
                        + "20260301T095500Z");
    }

    @Test
    void timestampMoreThanFiveMinutesAhead_isNotYetCurrent() {
        assertWireError(() -> verify(headers("test", "test", "20260301T100600Z", "us-east-1", "kms"), BODY),
                "InvalidSignatureException", "Signature not yet current");
    }

    @Test
    void missingAuthorization_isMissingAuthenticationToken() {
        Map<String, String> headers = headers("test", "test", AMZ_DATE, "us-east-1", "kms");
        headers.remove("authorization");
        assertWireError(() -> verify(headers, BODY), "MissingAuthenticationTokenException",
                "Missing Authentication Token");
    }

    @Test
    void missingAmzDate_isIncompleteSignature() {
        Map<String, String> headers = headers("test", "test", AMZ_DATE, "us-east-1", "kms");
        headers.remove("x-amz-date");
        assertWireError(() -> verify(headers, BODY), "IncompleteSignatureException", "X-Amz-Date");
    }

    @Test
    void malformedAuthorizationHeaders_areIncompleteSignature() {
        for (String header : List.of("AWS4-HMAC-SHA256 Credential=test/20260301/us-east-1/kms/aws4_request",
                "Basic dGVzdDp0ZXN0", "AWS4-HMAC-SHA256 Credential=test/2026/us-east-1/kms/aws4_request, "
                        + "SignedHeaders=host, Signature=" + "0".repeat(64),
                "AWS4-HMAC-SHA256 Credential=test/20260301/us-east-1/kms/aws4_request, SignedHeaders=host, "
                        + "Signature=XYZ")) {
            Map<String, String> headers = headers("test", "test", AMZ_DATE, "us-east-1", "kms");
            headers.put("authorization", header);
            assertWireError(() -> verify(headers, BODY), "IncompleteSignatureException", "");
        }
    }

    @Test
    void hostNotSigned_isIncompleteSignature() {
        Map<String, String> headers = headers("test", "test", AMZ_DATE, "us-east-1", "kms");
        headers.put("authorization", headers.get("authorization").replace("SignedHeaders=host;", "SignedHeaders="));
        assertWireError(() -> verify(headers, BODY), "IncompleteSignatureException", "'Host'");
    }

    @Test
    void scopeDateDifferentFromAmzDate_isInvalidSignature() {
        Map<String, String> headers = headers("test", "test", AMZ_DATE, "us-east-1", "kms");
        headers.put("authorization", headers.get("authorization").replace("/20260301/", "/20260302/"));
        assertWireError(() -> verify(headers, BODY), "InvalidSignatureException", "'20260302' != '20260301'");
    }
}
