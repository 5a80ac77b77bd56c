package dev.kmslab.engine.crypto.asymmetric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.crypto.AsymmetricKeyMaterial;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.model.DataKeyPairSpec;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.KeyAgreementAlgorithmSpec;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proof by interoperation: public keys from GetPublicKey and signatures from Sign verify with OpenSSL; OpenSSL's
 * deterministic signatures equal ours; ciphertext OpenSSL makes with the public key decrypts here, and back.
 */
class OpenSslInteropTest {

    private static final KeyUsage SIGN = KeyUsage.SIGN_VERIFY;

    @TempDir
    Path directory;
    private OpenSsl openssl;

    @BeforeAll
    static void requireOpenSsl() {
        OpenSsl.requireOrSkip();
    }

    @BeforeEach
    void setUp() {
        openssl = new OpenSsl(directory);
    }

    private String publicKeyPem(KeySpec spec, KeyUsage usage) throws IOException {
        return openssl.write("public.pem", PublicKeys.getPublicKey(TestKeys.of(spec), usage).pem());
    }

    private String privateKeyPem(KeySpec spec) throws IOException {
        return openssl.write("private.pem", Pem.encode(Pem.PRIVATE_KEY, TestKeys.of(spec).encoded()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"RSASSA_PSS_SHA_256, sha256", "RSASSA_PSS_SHA_384, sha384", "RSASSA_PSS_SHA_512, sha512"})
    void rsaPssSignature_verifiesWithOpenSsl_saltAsLongAsTheDigest(SigningAlgorithmSpec algorithm, String md)
            throws Exception {
        byte[] message = SignVerifyTest.message(1000, 11);
        byte[] signature = SignVerify.sign(TestKeys.of(KeySpec.RSA_2048), SIGN, algorithm, MessageType.RAW, message);
        String key = publicKeyPem(KeySpec.RSA_2048, SIGN);
        openssl.write("message.bin", message);
        openssl.write("signature.bin", signature);

        OpenSsl.Result result = openssl.expectSuccess("dgst", "-" + md, "-sigopt", "rsa_padding_mode:pss",
                "-sigopt", "rsa_pss_saltlen:digest", "-verify", key, "-signature", "signature.bin", "message.bin");

        assertThat(result.output()).contains("Verified OK");
        signature[5] ^= 1;
        openssl.write("signature.bin", signature);
        assertThat(openssl.run("dgst", "-" + md, "-sigopt", "rsa_padding_mode:pss", "-sigopt",
                "rsa_pss_saltlen:digest", "-verify", key, "-signature", "signature.bin", "message.bin").ok())
                .isFalse();
    }

    @Test
    void rsaPssDigestSignature_verifiesWithOpenSslPkeyutl() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(SignVerifyTest.message(50, 12));
        byte[] signature = SignVerify.sign(TestKeys.of(KeySpec.RSA_3072), SIGN, SigningAlgorithmSpec.RSASSA_PSS_SHA_256,
                MessageType.DIGEST, digest);
        String key = publicKeyPem(KeySpec.RSA_3072, SIGN);
        openssl.write("digest.bin", digest);
        openssl.write("signature.bin", signature);

        OpenSsl.Result result = openssl.expectSuccess("pkeyutl", "-verify", "-pubin", "-inkey", key, "-in",
                "digest.bin", "-sigfile", "signature.bin", "-pkeyopt", "digest:sha256", "-pkeyopt",
                "rsa_padding_mode:pss", "-pkeyopt", "rsa_pss_saltlen:digest");

        assertThat(result.output()).contains("Signature Verified Successfully");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"RSASSA_PKCS1_V1_5_SHA_256, sha256", "RSASSA_PKCS1_V1_5_SHA_384, sha384",
        "RSASSA_PKCS1_V1_5_SHA_512, sha512"})
    void rsaPkcs1Signature_isExactlyWhatOpenSslProduces(SigningAlgorithmSpec algorithm, String md) throws Exception {
        byte[] message = SignVerifyTest.message(777, 13);
        byte[] ours = SignVerify.sign(TestKeys.of(KeySpec.RSA_2048), SIGN, algorithm, MessageType.RAW, message);
        openssl.write("message.bin", message);
        openssl.write("signature.bin", ours);

        openssl.expectSuccess("dgst", "-" + md, "-sign", privateKeyPem(KeySpec.RSA_2048), "-out", "openssl.sig",
                "message.bin");
        OpenSsl.Result verified = openssl.expectSuccess("dgst", "-" + md, "-verify",
                publicKeyPem(KeySpec.RSA_2048, SIGN), "-signature", "signature.bin", "message.bin");

        assertThat(openssl.read("openssl.sig")).isEqualTo(ours);
        assertThat(verified.output()).contains("Verified OK");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ECC_NIST_P256, ECDSA_SHA_256, sha256", "ECC_NIST_P384, ECDSA_SHA_384, sha384",
        "ECC_NIST_P521, ECDSA_SHA_512, sha512", "ECC_SECG_P256K1, ECDSA_SHA_256, sha256"})
    void ecdsaSignature_verifiesWithOpenSsl_andOpenSslSignatureVerifiesHere(KeySpec spec,
            SigningAlgorithmSpec algorithm, String md) throws Exception {
        KeyMaterial key = TestKeys.of(spec);
        byte[] message = SignVerifyTest.message(4096, 14);
        byte[] ours = SignVerify.sign(key, SIGN, algorithm, MessageType.RAW, message);
        openssl.write("message.bin", message);
        openssl.write("signature.bin", ours);

        OpenSsl.Result verified = openssl.expectSuccess("dgst", "-" + md, "-verify", publicKeyPem(spec, SIGN),
                "-signature", "signature.bin", "message.bin");
        openssl.expectSuccess("dgst", "-" + md, "-sign", privateKeyPem(spec), "-out", "openssl.sig", "message.bin");

        assertThat(verified.output()).contains("Verified OK");
        SignVerify.verify(key, SIGN, algorithm, MessageType.RAW, message, openssl.read("openssl.sig"));
    }

    @Test
    void ed25519Signature_verifiesWithOpenSslRawin_andMatchesOpenSslsSignature() throws Exception {
        byte[] message = SignVerifyTest.message(333, 15);
        byte[] ours = SignVerify.sign(TestKeys.of(KeySpec.ECC_NIST_EDWARDS25519), SIGN,
                SigningAlgorithmSpec.ED25519_SHA_512, MessageType.RAW, message);
        openssl.write("message.bin", message);
        openssl.write("signature.bin", ours);

        OpenSsl.Result verified = openssl.expectSuccess("pkeyutl", "-verify", "-pubin", "-inkey",
                publicKeyPem(KeySpec.ECC_NIST_EDWARDS25519, SIGN), "-rawin", "-in", "message.bin", "-sigfile",
                "signature.bin");
        openssl.expectSuccess("pkeyutl", "-sign", "-inkey", privateKeyPem(KeySpec.ECC_NIST_EDWARDS25519), "-rawin",
                "-in", "message.bin", "-out", "openssl.sig");

        assertThat(verified.output()).contains("Signature Verified Successfully");
        assertThat(openssl.read("openssl.sig")).isEqualTo(ours);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"RSA_2048, RSAES_OAEP_SHA_256, sha256", "RSA_4096, RSAES_OAEP_SHA_256, sha256",
        "RSA_2048, RSAES_OAEP_SHA_1, sha1"})
    void openSslOaepCiphertext_decryptsHere_andOursDecryptsInOpenSsl(KeySpec spec, EncryptionAlgorithmSpec algorithm,
            String md) throws Exception {
        KeyMaterial key = TestKeys.of(spec);
        byte[] plaintext = SignVerifyTest.message(algorithm.maxPlaintextBytes(spec.bits()), 16);
        openssl.write("plaintext.bin", plaintext);
        String publicKey = publicKeyPem(spec, KeyUsage.ENCRYPT_DECRYPT);

        openssl.expectSuccess("pkeyutl", "-encrypt", "-pubin", "-inkey", publicKey, "-in", "plaintext.bin", "-out",
                "ciphertext.bin", "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:" + md,
                "-pkeyopt", "rsa_mgf1_md:" + md);
        byte[] decrypted = RsaEncryption.decrypt(key, KeyUsage.ENCRYPT_DECRYPT, algorithm,
                openssl.read("ciphertext.bin"));
        openssl.write("ours.bin", RsaEncryption.encrypt(key, KeyUsage.ENCRYPT_DECRYPT, algorithm, plaintext));
        openssl.expectSuccess("pkeyutl", "-decrypt", "-inkey", privateKeyPem(spec), "-in", "ours.bin", "-out",
                "roundtrip.bin", "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:" + md, "-pkeyopt",
                "rsa_mgf1_md:" + md);

        assertThat(decrypted).isEqualTo(plaintext);
        assertThat(openssl.read("roundtrip.bin")).isEqualTo(plaintext);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ECC_NIST_P256, P-256", "ECC_NIST_P384, P-384", "ECC_NIST_P521, P-521"})
    void deriveSharedSecret_equalsOpenSslEcdh(KeySpec spec, String curve) throws Exception {
        openssl.expectSuccess("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + curve, "-out",
                "peer.pem");
        openssl.expectSuccess("pkey", "-in", "peer.pem", "-pubout", "-outform", "DER", "-out", "peer-public.der");

        byte[] ours = SharedSecretDerivation.derive(TestKeys.of(spec), KeyUsage.KEY_AGREEMENT,
                KeyAgreementAlgorithmSpec.ECDH, openssl.read("peer-public.der"));
        openssl.expectSuccess("pkeyutl", "-derive", "-inkey", "peer.pem", "-peerkey",
                publicKeyPem(spec, KeyUsage.KEY_AGREEMENT), "-out", "secret.bin");

        assertThat(ours).isEqualTo(openssl.read("secret.bin"));
    }

    @ParameterizedTest
    @EnumSource(value = DataKeyPairSpec.class, names = {"RSA_2048", "ECC_NIST_P256", "ECC_SECG_P256K1",
        "ECC_NIST_EDWARDS25519"})
    void dataKeyPairPrivateKey_isPkcs8ThatOpenSslReads_andMatchesThePublicKey(DataKeyPairSpec spec)
            throws Exception {
        DataKeyPair pair = DataKeyPairs.generate(spec);
        openssl.write("private.der", pair.privateKey());

        openssl.expectSuccess("pkey", "-inform", "DER", "-in", "private.der", "-pubout", "-outform", "DER", "-out",
                "public.der");

        assertThat(openssl.read("public.der")).isEqualTo(pair.publicKey());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"RSA_3072, RSA, rsa_keygen_bits:3072", "ECC_NIST_P384, EC, ec_paramgen_curve:P-384",
        "ECC_SECG_P256K1, EC, ec_paramgen_curve:secp256k1", "ECC_NIST_EDWARDS25519, ED25519, "})
    void openSslGeneratedPkcs8_decodesAsKeyMaterial_withOpenSslsPublicKey(KeySpec spec, String algorithm,
            String option) throws Exception {
        if (option == null) {
            openssl.expectSuccess("genpkey", "-algorithm", algorithm, "-out", "key.pem");
        } else {
            openssl.expectSuccess("genpkey", "-algorithm", algorithm, "-pkeyopt", option, "-out", "key.pem");
        }
        openssl.expectSuccess("pkcs8", "-topk8", "-nocrypt", "-in", "key.pem", "-outform", "DER", "-out", "key.der");
        openssl.expectSuccess("pkey", "-in", "key.pem", "-pubout", "-outform", "DER", "-out", "public.der");

        AsymmetricKeyMaterial imported = (AsymmetricKeyMaterial) KeyMaterials.decode(spec, openssl.read("key.der"));

        assertThat(imported.publicKeyDer()).isEqualTo(openssl.read("public.der"));
    }
}
