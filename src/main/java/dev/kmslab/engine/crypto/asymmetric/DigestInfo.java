package dev.kmslab.engine.crypto.asymmetric;

import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * DER DigestInfo for RSASSA-PKCS1-v1_5 over a caller-supplied digest. The prefixes are the fixed encodings from
 * RFC 8017 section 9.2, note 1: SEQUENCE { AlgorithmIdentifier { hash OID, NULL }, OCTET STRING digest }.
 */
final class DigestInfo {

    private static final Map<String, byte[]> PREFIXES = Map.of(
            "SHA-256", hex("3031300d060960864801650304020105000420"),
            "SHA-384", hex("3041300d060960864801650304020205000430"),
            "SHA-512", hex("3051300d060960864801650304020305000440"));

    private DigestInfo() {
    }

    static byte[] encode(String hashName, byte[] digest) {
        byte[] prefix = PREFIXES.get(hashName);
        if (prefix == null) {
            throw new IllegalArgumentException("no DigestInfo prefix for " + hashName);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(prefix.length + digest.length);
        out.writeBytes(prefix);
        out.writeBytes(digest);
        return out.toByteArray();
    }

    private static byte[] hex(String text) {
        byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
