package dev.kmslab.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.engine.model.AlgorithmSpec;
import dev.kmslab.engine.state.ImportToken;
import dev.kmslab.engine.state.ImportTokens;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The keystore document's {@code importTokens} member: the outstanding GetParametersForImport answers, so that an
 * import token survives a restart. Each holds an RSA wrapping private key, kept like key material.
 *
 * <pre>{@code
 * "importTokens": [ { "token": "<base64>", "keyId": "<uuid>", "wrappingAlgorithm": "RSAES_OAEP_SHA_256",
 *                     "validTo": "<instant>",
 *                     "publicKey": "<base64 X.509 SubjectPublicKeyInfo DER>",
 *                     "privateKey": "<base64 PKCS#8 PrivateKeyInfo DER>" } ]   // absent: none
 * }</pre>
 */
final class ImportTokenJson {

    private ImportTokenJson() {
    }

    static void encode(ArrayNode out, ImportTokens tokens) {
        Base64.Encoder b64 = Base64.getEncoder();
        for (ImportToken t : tokens.all()) {
            ObjectNode node = out.addObject();
            node.put("token", b64.encodeToString(t.token()));
            node.put("keyId", t.keyId());
            node.put("wrappingAlgorithm", t.algorithm().name());
            node.put("validTo", t.validTo().toString());
            node.put("publicKey", b64.encodeToString(t.wrappingKey().getPublic().getEncoded()));
            byte[] secret = t.wrappingKey().getPrivate().getEncoded();
            node.put("privateKey", b64.encodeToString(secret));
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Reads the member; absent (documents written before tokens were kept) means no tokens. */
    static ImportTokens decode(JsonNode tokens) throws GeneralSecurityException {
        if (tokens == null || tokens.isNull()) {
            return ImportTokens.none();
        }
        Base64.Decoder b64 = Base64.getDecoder();
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        List<ImportToken> all = new ArrayList<>();
        for (JsonNode node : tokens) {
            byte[] secret = b64.decode(node.get("privateKey").asText());
            try {
                KeyPair pair = new KeyPair(
                        rsa.generatePublic(new X509EncodedKeySpec(b64.decode(node.get("publicKey").asText()))),
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(secret)));
                all.add(new ImportToken(b64.decode(node.get("token").asText()), node.get("keyId").asText(),
                        AlgorithmSpec.valueOf(node.get("wrappingAlgorithm").asText()), pair,
                        Instant.parse(node.get("validTo").asText())));
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }
        return ImportTokens.of(all);
    }
}
