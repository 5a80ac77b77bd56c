package dev.kmslab.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Cases from AWS's published Signature Version 4 test suite (credential AKIDEXAMPLE, service "service", us-east-1,
 * 2015-08-30T12:36:00Z). Each expected value is AWS's, not computed here.
 */
class SigV4TestSuiteTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String DATE = "20150830T123600Z";
    private static final String SCOPE = "20150830/us-east-1/service/aws4_request";
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** Signs like the suite: host and x-amz-date plus the given headers, all of them signed. */
    private static String sign(String method, String query, Map<String, String> extraHeaders, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "example.amazonaws.com");
        headers.put("x-amz-date", DATE);
        extraHeaders.forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        List<String> signed = headers.keySet().stream().sorted().collect(Collectors.toList());
        String canonical = SigV4.canonicalRequest(method, "/", query,
                name -> headers.containsKey(name) ? List.of(headers.get(name)) : null, signed,
                SigV4.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
        return SigV4.signature(SigV4.signingKey(SECRET, "20150830", "us-east-1", "service"),
                SigV4.stringToSign(DATE, SCOPE, canonical));
    }

    @Test
    void getVanilla() {
        assertThat(sign("GET", null, Map.of(), ""))
                .isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void postVanilla() {
        assertThat(sign("POST", null, Map.of(), ""))
                .isEqualTo("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
    }

    @Test
    void postVanillaQuery_canonicalRequestStringToSignAndSignature() {
        String canonical = SigV4.canonicalRequest("POST", "/", "Param1=value1",
                name -> Map.of("host", List.of("example.amazonaws.com"), "x-amz-date", List.of(DATE)).get(name),
                List.of("host", "x-amz-date"), EMPTY_SHA256);
        assertThat(canonical).isEqualTo("POST\n/\nParam1=value1\nhost:example.amazonaws.com\nx-amz-date:" + DATE
                + "\n\nhost;x-amz-date\n" + EMPTY_SHA256);
        assertThat(SigV4.stringToSign(DATE, SCOPE, canonical)).isEqualTo("AWS4-HMAC-SHA256\n" + DATE + "\n" + SCOPE
                + "\n9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd");
        assertThat(sign("POST", "Param1=value1", Map.of(), ""))
                .isEqualTo("28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11");
    }

    @Test
    void postXWwwFormUrlencoded_signsTheBodyHash() {
        assertThat(sign("POST", null, Map.of("Content-Type", "application/x-www-form-urlencoded"), "Param1=value1"))
                .isEqualTo("ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
    }

    @Test
    void postHeaderKeyCase_headerNamesAreLowerCased() {
        assertThat(sign("POST", null, Map.of("MY-HEADER1", "value1"), ""))
                .isEqualTo("c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c");
    }

    @Test
    void getHeaderValueTrim_valuesAreTrimmedAndSpaceRunsFolded() {
        assertThat(sign("GET", null, Map.of("My-Header1", " value1", "My-Header2", " \"a   b   c\""), ""))
                .isEqualTo("acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736");
    }

    @Test
    void canonicalQuery_sortsByNameThenValue_andEncodesStrictly() {
        assertThat(SigV4.canonicalQuery("b=2&a=z&a=y&c")).isEqualTo("a=y&a=z&b=2&c=");
        assertThat(SigV4.canonicalQuery("k=a%20b*")).isEqualTo("k=a%20b%2A");
    }
}
