package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.server.auth.SigV4;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** STS's Query protocol on the wire: XML errors with the codes STS uses, beside the KMS JSON protocol. */
class StsWireTest {

    private static ServerFixture fixture;
    private static RawKmsClient raw;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServerFixture();
        raw = fixture.raw();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static RawKmsClient.Response form(String body, String service) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", raw.host());
        headers.put("content-type", "application/x-www-form-urlencoded; charset=utf-8");
        headers.put("x-amz-date", RawKmsClient.AMZ_DATE.format(Instant.now()));
        if (service != null) {
            List<String> signed = new ArrayList<>(headers.keySet());
            signed.sort(null);
            String amzDate = headers.get("x-amz-date");
            String scope = amzDate.substring(0, 8) + "/us-east-1/" + service + "/aws4_request";
            String canonical = SigV4.canonicalRequest("POST", "/", null, name -> headers.containsKey(name)
                    ? List.of(headers.get(name)) : null, signed, SigV4.sha256Hex(bytes));
            String signature = SigV4.signature(SigV4.signingKey("test", amzDate.substring(0, 8), "us-east-1",
                    service), SigV4.stringToSign(amzDate, scope, canonical));
            headers.put("authorization", SigV4.ALGORITHM + " Credential=test/" + scope + ", SignedHeaders="
                    + String.join(";", signed) + ", Signature=" + signature);
        }
        return raw.send(RawKmsClient.request("POST", headers, bytes));
    }

    @Test
    void getCallerIdentity_answersInXml() throws Exception {
        RawKmsClient.Response r = form("Action=GetCallerIdentity&Version=2011-06-15", "sts");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">",
                "<Arn>arn:aws:iam::111122223333:root</Arn>", "<Account>111122223333</Account>", "<RequestId>");
    }

    @Test
    void anUnsignedRequest_isMissingAuthenticationToken_asAnXmlErrorResponse() throws Exception {
        RawKmsClient.Response r = form("Action=GetCallerIdentity&Version=2011-06-15", null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("<ErrorResponse", "<Type>Sender</Type>",
                "<Code>MissingAuthenticationToken</Code>");
    }

    @Test
    void aKmsScopedSignature_isSignatureDoesNotMatch() throws Exception {
        RawKmsClient.Response r = form("Action=GetCallerIdentity&Version=2011-06-15", "kms");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("<Code>SignatureDoesNotMatch</Code>",
                "Credential should be scoped to correct service: &apos;sts&apos;");
    }

    @Test
    void anActionThisLabDoesNotServe_isInvalidAction() throws Exception {
        RawKmsClient.Response r = form("Action=GetSessionToken&Version=2011-06-15", "sts");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("<Code>InvalidAction</Code>", "Could not find operation GetSessionToken");
    }

    @Test
    void assumeRoleWithASessionPolicy_isRefusedNotIgnored() throws Exception {
        RawKmsClient.Response r = form("Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A"
                + "111122223333%3Arole%2FApp&RoleSessionName=s1&Policy=%7B%7D", "sts");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("<Code>ValidationError</Code>", "does not support the Policy parameter");
    }
}
