package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.CryptoResult;
import com.amazonaws.encryptionsdk.kmssdkv2.KmsMasterKey;
import com.amazonaws.encryptionsdk.kmssdkv2.KmsMasterKeyProvider;
import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineDataKeyProvider;
import dev.kmslab.engine.envelope.EnvelopeOptions;
import dev.kmslab.engine.esdk.MessageCrypto;
import dev.kmslab.engine.esdk.MessageFormat;
import dev.kmslab.engine.esdk.MessageResult;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.server.auth.Credential;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by the app (the engine in process) decrypt with the real AWS Encryption SDKs — for Java, with its own
 * KMS master key provider, and for JavaScript, with its KMS keyring — calling KMS Lab's local endpoint, and messages
 * those SDKs write decrypt in the app. This is what the provider id {@code aws-kms} and the key ARN in the header buy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncryptionSdkInteropTest {

    private static final Map<String, String> CONTEXT = Map.of("department", "finance", "purpose", "payroll");

    private ServerFixture fixture;
    private String keyArn;
    private MessageCrypto app;

    @TempDir
    Path dir;

    @BeforeAll
    void start() throws IOException {
        fixture = new ServerFixture();
        CallerContext root = CallerContext.root(fixture.engine.account());
        keyArn = fixture.engine.createKey(root, CreateKeyRequest.symmetric()).keyMetadata().arn();
        app = new MessageCrypto(new EngineDataKeyProvider(fixture.engine, root));
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    private static byte[] data(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private byte[] appEncrypt(byte[] plaintext) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        app.encrypt(new ByteArrayInputStream(plaintext), out, keyArn, CONTEXT, EnvelopeOptions.defaults());
        return out.toByteArray();
    }

    private MessageResult appDecrypt(byte[] message, ByteArrayOutputStream out) throws IOException {
        return app.decrypt(new ByteArrayInputStream(message), out, EnvelopeOptions.defaults());
    }

    private KmsMasterKeyProvider javaSdkProvider() {
        Credential root = fixture.root();
        return KmsMasterKeyProvider.builder().customRegionalClientSupplier(region -> fixture.sdk(root))
                .buildStrict(keyArn);
    }

    private static AwsCrypto javaSdk() {
        return AwsCrypto.builder().withCommitmentPolicy(CommitmentPolicy.RequireEncryptRequireDecrypt).build();
    }

    @Test
    void theJavaSdksOwnKmsProvider_decryptsAFileOfTheApp_overTheLocalEndpoint() throws IOException {
        byte[] plaintext = data(150_000);
        CryptoResult<byte[], KmsMasterKey> result = javaSdk().decryptData(javaSdkProvider(), appEncrypt(plaintext));
        assertThat(result.getResult()).isEqualTo(plaintext);
        assertThat(result.getEncryptionContext()).containsAllEntriesOf(CONTEXT);
        assertThat(result.getMasterKeyIds()).containsExactly(keyArn);
    }

    @Test
    void theAppDecryptsAMessageOfTheJavaSdksOwnKmsProvider() throws IOException {
        byte[] plaintext = data(20_000);
        byte[] message = javaSdk().encryptData(javaSdkProvider(), plaintext, CONTEXT).getResult();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageResult result = appDecrypt(message, out);
        assertThat(out.toByteArray()).isEqualTo(plaintext);
        assertThat(result.format()).isEqualTo(MessageFormat.AWS_ENCRYPTION_SDK);
        assertThat(result.keyArns()).containsExactly(keyArn);
        assertThat(result.encryptionContext()).containsAllEntriesOf(CONTEXT);
    }

    @Test
    void theJavaScriptSdk_decryptsAFileOfTheApp_overTheLocalEndpoint() throws IOException {
        NodeEncryptionSdk.requireOrSkip();
        byte[] plaintext = data(70_000);
        Path message = Files.write(dir.resolve("from-app.encrypted"), appEncrypt(plaintext));
        Path decrypted = dir.resolve("from-app.decrypted");
        Credential root = fixture.root();
        NodeEncryptionSdk.Result node = NodeEncryptionSdk.interop(root.accessKeyId(), root.secretAccessKey(),
                "decrypt", fixture.server.endpoint().toString(), keyArn, message.toString(), decrypted.toString());
        assertThat(node.ok()).as(node.stderr()).isTrue();
        assertThat(Files.readAllBytes(decrypted)).isEqualTo(plaintext);
        assertThat(node.stdout()).contains("\"suiteId\":1400").contains("\"department\":\"finance\"")
                .contains("aws-kms " + keyArn);
    }

    @Test
    void theAppDecryptsAMessageOfTheJavaScriptSdk() throws IOException {
        NodeEncryptionSdk.requireOrSkip();
        byte[] plaintext = data(9_000);
        Path input = Files.write(dir.resolve("plain.bin"), plaintext);
        Path message = dir.resolve("from-node.encrypted");
        Credential root = fixture.root();
        NodeEncryptionSdk.Result node = NodeEncryptionSdk.interop(root.accessKeyId(), root.secretAccessKey(),
                "encrypt", fixture.server.endpoint().toString(), keyArn, input.toString(), message.toString(),
                "{\"department\":\"finance\",\"purpose\":\"payroll\"}");
        assertThat(node.ok()).as(node.stderr()).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageResult result = appDecrypt(Files.readAllBytes(message), out);
        assertThat(out.toByteArray()).isEqualTo(plaintext);
        assertThat(result.format()).isEqualTo(MessageFormat.AWS_ENCRYPTION_SDK);
        assertThat(result.algorithmSuite()).isEqualTo("ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384");
        assertThat(result.keyArns()).containsExactly(keyArn);
        assertThat(result.encryptionContext()).containsAllEntriesOf(CONTEXT);
    }
}
