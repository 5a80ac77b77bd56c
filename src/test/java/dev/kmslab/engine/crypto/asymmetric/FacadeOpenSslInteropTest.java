package dev.kmslab.engine.crypto.asymmetric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.GetPublicKeyRequest;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.SignRequest;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public facade interoperates with OpenSSL: a Sign result verifies with {@code openssl} using only the PEM from
 * GetPublicKey, and OAEP ciphertext OpenSSL makes with that PEM decrypts through Decrypt. Skipped without openssl
 * unless KMSLAB_REQUIRE_OPENSSL=1.
 */
class FacadeOpenSslInteropTest {

    private static final CallerContext ROOT = CallerContext.root(EngineConfig.DEFAULT_ACCOUNT);
    private static final KmsEngine ENGINE = KmsEngine.inMemory();

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

    static Stream<Arguments> dgstCombinations() {
        return Stream.of(
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.RSASSA_PSS_SHA_256, "sha256", true),
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384, "sha384", false),
                Arguments.of(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_256, "sha256", false),
                Arguments.of(KeySpec.ECC_NIST_P384, SigningAlgorithmSpec.ECDSA_SHA_384, "sha384", false),
                Arguments.of(KeySpec.ECC_SECG_P256K1, SigningAlgorithmSpec.ECDSA_SHA_256, "sha256", false));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dgstCombinations")
    void facadeSignature_verifiesWithOpenSslDgst(KeySpec spec, SigningAlgorithmSpec algorithm, String md,
                                                  boolean pss) throws Exception {
        String keyId = create(spec, KeyUsage.SIGN_VERIFY);
        byte[] message = SignVerifyTest.message(700, 3);
        byte[] signature = ENGINE.sign(ROOT, SignRequest.raw(keyId, message, algorithm)).signature();
        String pem = openssl.write("public.pem", ENGINE.getPublicKey(ROOT, new GetPublicKeyRequest(keyId)).pem());
        openssl.write("message.bin", message);
        openssl.write("signature.bin", signature);

        OpenSsl.Result result = pss
                ? openssl.expectSuccess("dgst", "-" + md, "-sigopt", "rsa_padding_mode:pss", "-sigopt",
                        "rsa_pss_saltlen:digest", "-verify", pem, "-signature", "signature.bin", "message.bin")
                : openssl.expectSuccess("dgst", "-" + md, "-verify", pem, "-signature", "signature.bin",
                        "message.bin");

        assertThat(result.output()).contains("Verified OK");
        signature[signature.length - 3] ^= 1;
        openssl.write("signature.bin", signature);
        assertThat(openssl.run("dgst", "-" + md, "-verify", pem, "-signature", "signature.bin", "message.bin").ok())
                .isFalse();
    }

    @Test
    void facadeEd25519Signature_verifiesWithOpenSslPkeyutl() throws Exception {
        String keyId = create(KeySpec.ECC_NIST_EDWARDS25519, KeyUsage.SIGN_VERIFY);
        byte[] message = SignVerifyTest.message(100, 9);
        openssl.write("message.bin", message);
        openssl.write("signature.bin", ENGINE.sign(ROOT, SignRequest.raw(keyId, message,
                SigningAlgorithmSpec.ED25519_SHA_512)).signature());
        String pem = openssl.write("public.pem", ENGINE.getPublicKey(ROOT, new GetPublicKeyRequest(keyId)).pem());

        OpenSsl.Result result = openssl.expectSuccess("pkeyutl", "-verify", "-pubin", "-inkey", pem, "-rawin",
                "-in", "message.bin", "-sigfile", "signature.bin");

        assertThat(result.output()).contains("Signature Verified Successfully");
    }

    @Test
    void openSslOaepSha256Ciphertext_decryptsThroughTheFacade() throws Exception {
        String keyId = create(KeySpec.RSA_3072, KeyUsage.ENCRYPT_DECRYPT);
        String pem = openssl.write("public.pem", ENGINE.getPublicKey(ROOT, new GetPublicKeyRequest(keyId)).pem());
        byte[] plaintext = SignVerifyTest.message(64, 5);
        openssl.write("plain.bin", plaintext);

        openssl.expectSuccess("pkeyutl", "-encrypt", "-pubin", "-inkey", pem, "-pkeyopt", "rsa_padding_mode:oaep",
                "-pkeyopt", "rsa_oaep_md:sha256", "-pkeyopt", "rsa_mgf1_md:sha256", "-in", "plain.bin", "-out",
                "cipher.bin");

        assertThat(ENGINE.decrypt(ROOT, new DecryptRequest(openssl.read("cipher.bin"), null, keyId,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)).plaintext()).isEqualTo(plaintext);
    }

    private static String create(KeySpec spec, KeyUsage usage) {
        return ENGINE.createKey(ROOT, new CreateKeyRequest(null, usage, spec, null, null)).keyMetadata().keyId();
    }
}
