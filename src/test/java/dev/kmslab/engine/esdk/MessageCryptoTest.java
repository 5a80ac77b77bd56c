package dev.kmslab.engine.esdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.encryptionsdk.ParsedCiphertext;
import com.amazonaws.encryptionsdk.model.ContentType;
import com.amazonaws.encryptionsdk.model.KeyBlob;
import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineDataKeyProvider;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.envelope.EnvelopeEncryptor;
import dev.kmslab.engine.envelope.EnvelopeOptions;
import dev.kmslab.engine.error.DisabledException;
import dev.kmslab.engine.error.InvalidCiphertextException;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCryptoTest {

    private static final int FRAME = 4096;
    private static final Map<String, String> CONTEXT = Map.of("department", "finance", "purpose", "payroll");

    private final KmsEngine engine = KmsEngine.inMemory();
    private final CallerContext root = CallerContext.root(engine.account());
    private final EngineDataKeyProvider kms = new EngineDataKeyProvider(engine, root);
    private final MessageCrypto crypto = new MessageCrypto(kms);
    private final String keyArn = newKey();

    private String newKey() {
        return engine.createKey(root, CreateKeyRequest.symmetric()).keyMetadata().arn();
    }

    private static byte[] data(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private byte[] encrypt(byte[] plaintext, List<String> keys) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        crypto.encrypt(new ByteArrayInputStream(plaintext), out, keys, CONTEXT,
                EnvelopeOptions.defaults().withFrameSize(FRAME));
        return out.toByteArray();
    }

    private byte[] decrypt(byte[] message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        crypto.decrypt(new ByteArrayInputStream(message), out, EnvelopeOptions.defaults());
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, FRAME - 1, FRAME, FRAME + 1, 3 * FRAME, 100_000})
    void roundTrip_restoresEveryByte(int size) throws IOException {
        byte[] plaintext = data(size);
        assertThat(decrypt(encrypt(plaintext, List.of(keyArn)))).isEqualTo(plaintext);
    }

    /**
     * The SDK resolves the signed suite's digest by name ({@code MessageDigest.getInstance("SHA-384")}); once the
     * engine has registered Bouncy Castle (a secp256k1 data key pair needs it) that must still be the JDK's SUN
     * digest, with the JVM's SHA-512 intrinsic, not Bouncy Castle's pure-Java one (2.5 times slower, see the README's
     * envelope benchmark).
     */
    @Test
    void theSignaturesDigest_staysTheJdksSha384_afterTheEngineRegistersBouncyCastle() throws Exception {
        engine.generateDataKeyPairWithoutPlaintext(root, dev.kmslab.engine.model.GenerateDataKeyPairRequest.of(keyArn,
                dev.kmslab.engine.model.DataKeyPairSpec.ECC_SECG_P256K1));
        assertThat(java.security.Security.getProvider("BC")).isNotNull();
        assertThat(java.security.MessageDigest.getInstance("SHA-384").getProvider().getName()).isEqualTo("SUN");
        byte[] plaintext = data(3 * FRAME);
        assertThat(decrypt(encrypt(plaintext, List.of(keyArn)))).isEqualTo(plaintext);
    }

    @Test
    void theHeader_isTheSdksFormat_withAnAwsKmsEncryptedDataKeyNamingTheKeyArn() throws IOException {
        String alias = "alias/payroll";
        engine.createAlias(root, new dev.kmslab.engine.model.CreateAliasRequest(alias, keyArn));
        byte[] message = encrypt(data(10_000), List.of(alias));
        ParsedCiphertext parsed = new ParsedCiphertext(message);
        assertThat(parsed.getCryptoAlgoId()).isEqualTo(MessageCrypto.SUITE);
        assertThat(parsed.getVersion()).isEqualTo((byte) 2);
        assertThat(parsed.getContentType()).isEqualTo(ContentType.FRAME);
        assertThat(parsed.getFrameLength()).isEqualTo(FRAME);
        assertThat(parsed.getEncryptedKeyBlobCount()).isEqualTo(1);
        KeyBlob edk = parsed.getEncryptedKeyBlobs().get(0);
        assertThat(edk.getProviderId()).isEqualTo("aws-kms");
        // The provider information is the key ARN KMS returned, not the alias the caller named.
        assertThat(new String(edk.getProviderInformation(), StandardCharsets.UTF_8)).isEqualTo(keyArn);
        assertThat(parsed.getEncryptionContextMap()).containsAllEntriesOf(CONTEXT)
                .containsKey("aws-crypto-public-key");
    }

    @Test
    void theResult_namesFormatSuiteKeysAndContext() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageResult result = crypto.encrypt(new ByteArrayInputStream(data(5000)), out, keyArn, CONTEXT,
                EnvelopeOptions.defaults().withFrameSize(FRAME));
        assertThat(result.format()).isEqualTo(MessageFormat.AWS_ENCRYPTION_SDK);
        assertThat(result.algorithmSuite()).isEqualTo("ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384");
        assertThat(result.keyArns()).containsExactly(keyArn);
        assertThat(result.plaintextBytes()).isEqualTo(5000);
        assertThat(result.frameLength()).isEqualTo(FRAME);
        MessageResult back = crypto.decrypt(new ByteArrayInputStream(out.toByteArray()), new ByteArrayOutputStream(),
                EnvelopeOptions.defaults());
        assertThat(back.format()).isEqualTo(MessageFormat.AWS_ENCRYPTION_SDK);
        assertThat(back.keyArns()).containsExactly(keyArn);
        assertThat(back.encryptionContext()).containsAllEntriesOf(CONTEXT);
        assertThat(back.plaintextBytes()).isEqualTo(5000);
    }

    @Test
    void severalKeys_eachCarryAnEncryptedDataKey_andAnyOneDecrypts() throws IOException {
        String second = newKey();
        byte[] plaintext = data(9000);
        byte[] message = encrypt(plaintext, List.of(keyArn, second));
        List<String> arns = new ArrayList<>();
        for (KeyBlob blob : new ParsedCiphertext(message).getEncryptedKeyBlobs()) {
            arns.add(new String(blob.getProviderInformation(), StandardCharsets.UTF_8));
        }
        assertThat(arns).containsExactly(keyArn, second);
        assertThat(engine.auditLog().all()).extracting(e -> e.eventName()).contains("GenerateDataKey", "Encrypt");
        engine.disableKey(root, new DisableKeyRequest(keyArn));
        assertThat(decrypt(message)).isEqualTo(plaintext);
    }

    @Test
    void aDisabledKey_surfacesAsKmsDisabledException() throws IOException {
        byte[] message = encrypt(data(100), List.of(keyArn));
        engine.disableKey(root, new DisableKeyRequest(keyArn));
        assertThatThrownBy(() -> decrypt(message)).isInstanceOf(DisabledException.class);
    }

    @Test
    void aFlippedByteInTheHeader_failsHeaderAuthentication() throws IOException {
        byte[] message = encrypt(data(100), List.of(keyArn));
        // Byte 10 is inside the message id (after version 1 + suite 2).
        byte[] damaged = message.clone();
        damaged[10] ^= 1;
        assertThatThrownBy(() -> decrypt(damaged)).isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void aDamagedLengthInTheHeader_isInvalidCiphertext_notAnSdkCrash() throws IOException {
        byte[] message = encrypt(data(100), List.of(keyArn));
        for (int at = 35; at < 45; at++) { // the AAD length, the pair count and the first key length
            byte[] damaged = message.clone();
            damaged[at] ^= 0x40;
            assertThatThrownBy(() -> decrypt(damaged)).as("byte %d", at)
                    .isInstanceOf(InvalidCiphertextException.class);
        }
    }

    @Test
    void aFlippedByteInAFrame_failsAndNamesTheSdksCheck() throws IOException {
        byte[] message = encrypt(data(3 * FRAME), List.of(keyArn));
        MessageLayout layout = MessageLayout.of(message);
        MessageLayout.Field content = layout.fields().stream()
                .filter(f -> f.name().equals("Encrypted content") && f.part().equals("Frame 2")).findFirst()
                .orElseThrow();
        byte[] damaged = message.clone();
        damaged[(int) content.offset() + 7] ^= 1;
        assertThatThrownBy(() -> decrypt(damaged)).isInstanceOf(InvalidCiphertextException.class)
                .hasMessageStartingWith("The message failed the AWS Encryption SDK's checks: ");
    }

    @Test
    void aCutMessage_orOneWithoutItsSignature_fails() throws IOException {
        byte[] message = encrypt(data(2 * FRAME + 10), List.of(keyArn));
        for (int cut : new int[] {10, 200, message.length - 120, message.length - 1}) {
            byte[] truncated = Arrays.copyOf(message, cut);
            assertThatThrownBy(() -> decrypt(truncated)).as("cut at %d", cut)
                    .isInstanceOf(InvalidCiphertextException.class);
        }
    }

    @Test
    void extraBytesAfterTheFooter_fail() throws IOException {
        byte[] message = encrypt(data(100), List.of(keyArn));
        for (int extra : new int[] {1, 5000}) {
            byte[] longer = Arrays.copyOf(message, message.length + extra);
            assertThatThrownBy(() -> decrypt(longer)).isInstanceOf(InvalidCiphertextException.class)
                    .hasMessage("The message has unexpected data after its end (the signature footer)");
        }
    }

    @Test
    void aFileInTheOlderFormat_stillDecrypts_andIsLabelledSo() throws IOException {
        byte[] plaintext = data(70_000);
        ByteArrayOutputStream legacy = new ByteArrayOutputStream();
        new EnvelopeEncryptor(kms).encrypt(new ByteArrayInputStream(plaintext), legacy, keyArn, CONTEXT,
                EnvelopeOptions.defaults());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageResult result = crypto.decrypt(new ByteArrayInputStream(legacy.toByteArray()), out,
                EnvelopeOptions.defaults());
        assertThat(out.toByteArray()).isEqualTo(plaintext);
        assertThat(result.format()).isEqualTo(MessageFormat.KMS_LAB_ENVELOPE_V1);
        assertThat(result.format().label()).isEqualTo("KMS Lab envelope v1 (older format)");
        assertThat(result.keyArn()).isEqualTo(keyArn);
        assertThat(result.encryptionContext()).isEqualTo(CONTEXT);
        assertThat(MessageLayout.of(legacy.toByteArray()).format()).isEqualTo(MessageFormat.KMS_LAB_ENVELOPE_V1);
    }

    @Test
    void progressIsReported_andCancellingStops() throws IOException {
        List<Long> seen = new ArrayList<>();
        int size = 300_000;
        crypto.encrypt(new ByteArrayInputStream(data(size)), new ByteArrayOutputStream(), keyArn, CONTEXT,
                EnvelopeOptions.defaults().withTotalBytes(size).withProgress((done, total) -> seen.add(done)));
        assertThat(seen).isSorted().last().isEqualTo((long) size);
        boolean[] cancel = {false};
        EnvelopeOptions options = EnvelopeOptions.defaults().withCancellation(() -> cancel[0])
                .withProgress((done, total) -> cancel[0] = true);
        assertThatThrownBy(() -> crypto.encrypt(new ByteArrayInputStream(data(size)), new ByteArrayOutputStream(),
                keyArn, CONTEXT, options)).isInstanceOf(CancellationException.class)
                .hasMessageContaining("must be discarded");
    }

    @Test
    void noKey_isRefusedUpFront() {
        assertThatThrownBy(() -> crypto.encrypt(new ByteArrayInputStream(new byte[1]), new ByteArrayOutputStream(),
                List.of(), CONTEXT, EnvelopeOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Name at least one KMS key to encrypt under");
    }
}
