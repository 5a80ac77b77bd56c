package dev.kmslab.server;

import dev.kmslab.server.auth.Credential;
import dev.kmslab.server.auth.SigV4;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately low-level client for protocol tests: builds HTTP/1.1 requests byte by byte (so tests control every
 * header), signs them with SigV4 when asked, and reads one response from a socket with a read timeout.
 */
final class RawKmsClient {

    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    record Response(int status, Map<String, String> headers, String body) {
    }

    private final URI endpoint;

    RawKmsClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    String host() {
        return endpoint.getHost() + ":" + endpoint.getPort();
    }

    /** A signed {@code TrentService.<operation>} call. */
    Response call(Credential credential, String operation, String json) throws IOException {
        return send(signedRequest(credential, "us-east-1", Instant.now(), "TrentService." + operation,
                json.getBytes(StandardCharsets.UTF_8)));
    }

    byte[] signedRequest(Credential credential, String region, Instant at, String target, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", host());
        headers.put("content-type", "application/x-amz-json-1.1");
        headers.put("x-amz-date", AMZ_DATE.format(at));
        if (target != null) {
            headers.put("x-amz-target", target);
        }
        headers.put("authorization", authorization(credential, region, headers, body));
        return request("POST", headers, body);
    }

    static String authorization(Credential credential, String region, Map<String, String> headers, byte[] body) {
        List<String> signed = new ArrayList<>(headers.keySet());
        signed.sort(null);
        String amzDate = headers.get("x-amz-date");
        String date = amzDate.substring(0, 8);
        String scope = date + "/" + region + "/kms/aws4_request";
        String canonical = SigV4.canonicalRequest("POST", "/", null, name -> headers.containsKey(name)
                ? List.of(headers.get(name)) : null, signed, SigV4.sha256Hex(body));
        String signature = SigV4.signature(SigV4.signingKey(credential.secretAccessKey(), date, region, "kms"),
                SigV4.stringToSign(amzDate, scope, canonical));
        return SigV4.ALGORITHM + " Credential=" + credential.accessKeyId() + "/" + scope + ", SignedHeaders="
                + String.join(";", signed) + ", Signature=" + signature;
    }

    static byte[] request(String method, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method + " / HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("content-length: ").append(body.length).append("\r\n");
        head.append("connection: close\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Sends raw bytes on a fresh connection and reads the whole response (the request asks to close). */
    Response send(byte[] raw) throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    static Response parse(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return new Response(-1, Map.of(), "");
        }
        int split = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, split < 0 ? text.length() : split).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        return new Response(status, headers, split < 0 ? "" : text.substring(split + 4));
    }
}
