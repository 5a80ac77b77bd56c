package dev.kmslab.engine.crypto.asymmetric;

import static dev.kmslab.engine.crypto.asymmetric.TestKeys.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.crypto.AsymmetricKeyMaterial;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.error.KMSInvalidSignatureException;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deterministic signatures checked byte for byte (RSASSA-PKCS1-v1_5, Ed25519, Ed25519ph) and published randomised
 * signatures (RFC 6979 ECDSA) checked with Verify.
 */
class SignatureKnownAnswerTest {

    private static final KeyUsage SIGN = KeyUsage.SIGN_VERIFY;
    /** PKCS#8 header of an Ed25519 private key (RFC 8410): the 32-byte seed follows. */
    private static final String ED25519_PKCS8_PREFIX = "302e020100300506032b657004220420";

    @Test
    void rsaPkcs1Vector_fromOpenSsl_isReproducedExactly_rawAndDigest() throws Exception {
        KeyMaterial key = KeyMaterials.decode(KeySpec.RSA_2048, resource("rsa2048-pkcs1-vector.key.der"));
        byte[] message = resource("rsa2048-pkcs1-vector.message.txt");
        byte[] expected = resource("rsa2048-pkcs1-vector.sha256.sig");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(message);

        byte[] raw = SignVerify.sign(key, SIGN, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, MessageType.RAW, message);
        byte[] fromDigest = SignVerify.sign(key, SIGN, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256,
                MessageType.DIGEST, digest);

        assertThat(raw).isEqualTo(expected);
        assertThat(fromDigest).isEqualTo(expected);
        SignVerify.verify(key, SIGN, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, MessageType.RAW, message, expected);
    }

    /** RFC 8032 section 7.1, TEST 2 and TEST 3 (TEST 1 signs an empty message, which KMS does not accept). */
    @ParameterizedTest(name = "RFC 8032 {0}")
    @CsvSource({
        "TEST 2, 4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb, "
                + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72, "
                + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "TEST 3, c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7, "
                + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82, "
                + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"})
    void ed25519Rfc8032Vector_isReproducedExactly(String name, String seed, String publicKey, String message,
            String signature) {
        KeyMaterial key = KeyMaterials.decode(KeySpec.ECC_NIST_EDWARDS25519, hex(ED25519_PKCS8_PREFIX + seed));

        byte[] produced = SignVerify.sign(key, SIGN, SigningAlgorithmSpec.ED25519_SHA_512, MessageType.RAW, hex(message));

        assertThat(hex(produced)).isEqualTo(signature);
        assertThat(hex(((AsymmetricKeyMaterial) key).publicKeyDer())).endsWith(publicKey);
        SignVerify.verify(key, SIGN, SigningAlgorithmSpec.ED25519_SHA_512, MessageType.RAW, hex(message), produced);
    }

    /** RFC 8032 section 7.3, TEST abc (Ed25519ph): KMS takes the SHA-512 digest with MessageType DIGEST. */
    @Test
    void ed25519phRfc8032Vector_signsTheSha512DigestExactly() throws Exception {
        KeyMaterial key = KeyMaterials.decode(KeySpec.ECC_NIST_EDWARDS25519, hex(ED25519_PKCS8_PREFIX
                + "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42"));
        byte[] digest = MessageDigest.getInstance("SHA-512").digest("abc".getBytes(StandardCharsets.US_ASCII));

        byte[] produced = SignVerify.sign(key, SIGN, SigningAlgorithmSpec.ED25519_PH_SHA_512, MessageType.DIGEST, digest);

        assertThat(hex(produced)).isEqualTo("98a70222f0b8121aa9d30f813d683f809e462b469c7ff87639499bb94e6dae41"
                + "31f85042463c2a355a2003d062adf5aaa10b8c61e636062aaad11c2a26083406");
        assertThat(hex(((AsymmetricKeyMaterial) key).publicKeyDer()))
                .endsWith("ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf");
    }

    /** RFC 6979 appendix A.2.5 (P-256, SHA-256): the published (r, s), DER-encoded, verifies; a changed s does not. */
    @ParameterizedTest(name = "RFC 6979 P-256 SHA-256 \"{0}\"")
    @CsvSource({
        "sample, EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716, "
                + "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8",
        "test, F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367, "
                + "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083"})
    void ecdsaRfc6979Vector_verifies(String message, String r, String s) throws Exception {
        KeyMaterial key = rfc6979P256Key();
        byte[] data = message.getBytes(StandardCharsets.US_ASCII);
        byte[] signature = der(new BigInteger(r, 16), new BigInteger(s, 16));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);

        SignVerify.verify(key, SIGN, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW, data, signature);
        SignVerify.verify(key, SIGN, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.DIGEST, digest, signature);
        byte[] altered = der(new BigInteger(r, 16), new BigInteger(s, 16).add(BigInteger.ONE));
        assertThatThrownBy(() -> SignVerify.verify(key, SIGN, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW, data,
                altered)).isInstanceOf(KMSInvalidSignatureException.class);
    }

    @Test
    void rfc6979Key_derivesThePublishedPublicKey() throws Exception {
        byte[] der = ((AsymmetricKeyMaterial) rfc6979P256Key()).publicKeyDer();
        ECPublicKey publicKey = (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(der));

        assertThat(publicKey.getW().getAffineX().toString(16))
                .isEqualToIgnoringCase("60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6");
        assertThat(publicKey.getW().getAffineY().toString(16))
                .isEqualToIgnoringCase("7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299");
    }

    private static KeyMaterial rfc6979P256Key() throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        BigInteger x = new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16);
        byte[] pkcs8 = KeyFactory.getInstance("EC").generatePrivate(
                new ECPrivateKeySpec(x, parameters.getParameterSpec(ECParameterSpec.class))).getEncoded();
        return KeyMaterials.decode(KeySpec.ECC_NIST_P256, pkcs8);
    }

    private static byte[] der(BigInteger r, BigInteger s) throws IOException {
        return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)})
                .getEncoded();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = SignatureKnownAnswerTest.class.getResourceAsStream("/asymmetric/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
