package dev.kmslab.engine.esdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.encryptionsdk.ParsedCiphertext;
import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineDataKeyProvider;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.envelope.EnvelopeOptions;
import dev.kmslab.engine.model.CreateKeyRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageLayoutTest {

    private static final int FRAME = 1024;

    private final KmsEngine engine = KmsEngine.inMemory();
    private final CallerContext root = CallerContext.root(engine.account());
    private final MessageCrypto crypto = new MessageCrypto(new EngineDataKeyProvider(engine, root));
    private final String keyArn = engine.createKey(root, CreateKeyRequest.symmetric()).keyMetadata().arn();

    private byte[] message(int size) throws IOException {
        byte[] data = new byte[size];
        new Random(3).nextBytes(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        crypto.encrypt(new ByteArrayInputStream(data), out, keyArn, Map.of("purpose", "payroll"),
                EnvelopeOptions.defaults().withFrameSize(FRAME));
        return out.toByteArray();
    }

    private static MessageLayout.Field field(MessageLayout layout, String part, String name) {
        return layout.fields().stream().filter(f -> f.part().equals(part) && f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(part + " / " + name + " not in " + layout.fields()));
    }

    @Test
    void everyByteIsPlaced_inOrder_withoutGaps() throws IOException {
        byte[] message = message(5 * FRAME + 100);
        MessageLayout layout = MessageLayout.of(message);
        assertThat(layout.complete()).as("%s", layout.fields()).isTrue();
        assertThat(layout.format()).isEqualTo(MessageFormat.AWS_ENCRYPTION_SDK);
        assertThat(layout.size()).isEqualTo(message.length);
        long next = 0;
        for (MessageLayout.Field f : layout.fields()) {
            assertThat(f.offset()).as("%s", f).isEqualTo(next);
            next = f.offset() + f.length();
        }
        assertThat(next).isEqualTo(message.length);
        assertThat(layout.frames()).isEqualTo(6);
    }

    @Test
    void theHeaderFields_matchWhatTheSdkItselfParses() throws IOException {
        byte[] message = message(3000);
        MessageLayout layout = MessageLayout.of(message);
        ParsedCiphertext sdk = new ParsedCiphertext(message);
        assertThat(field(layout, "Header", "Version").value()).isEqualTo("2");
        assertThat(field(layout, "Header", "Algorithm ID").value())
                .isEqualTo("0x0578 ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384");
        MessageLayout.Field id = field(layout, "Header", "Message ID");
        assertThat(id.length()).isEqualTo(32);
        assertThat(Arrays.copyOfRange(message, (int) id.offset(), (int) id.offset() + 32))
                .isEqualTo(sdk.getMessageId());
        assertThat(layout.fields()).filteredOn(f -> f.name().startsWith("Encryption context pair"))
                .extracting(MessageLayout.Field::value)
                .containsExactly("aws-crypto-public-key = " + sdk.getEncryptionContextMap()
                        .get("aws-crypto-public-key"), "purpose = payroll");
        assertThat(field(layout, "Encrypted data key 1", "Key provider ID").value()).isEqualTo("aws-kms");
        assertThat(field(layout, "Encrypted data key 1", "Key provider information").value()).isEqualTo(keyArn);
        MessageLayout.Field edk = field(layout, "Encrypted data key 1", "Encrypted data key");
        assertThat(edk.length()).isEqualTo(sdk.getEncryptedKeyBlobs().get(0).getEncryptedDataKey().length);
        assertThat(field(layout, "Header", "Content type").value()).isEqualTo("2 (framed)");
        assertThat(field(layout, "Header", "Frame length").value()).isEqualTo(FRAME + " bytes");
        assertThat(field(layout, "Header", "Algorithm suite data").length()).isEqualTo(32);
        assertThat(field(layout, "Header authentication", "Authentication tag").length()).isEqualTo(16);
        // 3000 bytes = two full frames and a final frame of 952.
        assertThat(field(layout, "Frame 1", "Sequence number").value()).isEqualTo("1");
        assertThat(field(layout, "Frame 1", "IV").hex()).isEqualTo("000000000000000000000001");
        assertThat(field(layout, "Final frame", "Sequence number").value()).isEqualTo("3");
        assertThat(field(layout, "Final frame", "Encrypted content length").value()).isEqualTo("952 bytes");
        assertThat(field(layout, "Footer", "Signature").length())
                .isEqualTo(Integer.parseInt(field(layout, "Footer", "Signature length").value().split(" ")[0]));
    }

    @Test
    void manyFrames_areSummedUp_notListed() throws IOException {
        MessageLayout layout = MessageLayout.of(message(50 * FRAME));
        assertThat(layout.fields()).extracting(MessageLayout.Field::part).contains("Frame 1", "Frame 2",
                "Frames 3–50", "Final frame").doesNotContain("Frame 3");
        assertThat(field(layout, "Frames 3–50", "Regular frames").value()).isEqualTo("48 frames");
        assertThat(layout.frames()).isEqualTo(51);
        assertThat(layout.fields().size()).isLessThan(40);
    }

    @Test
    void aCutMessage_isLaidOutAsFarAsItGoes_andSaysSo() throws IOException {
        byte[] message = message(3000);
        MessageLayout layout = MessageLayout.of(Arrays.copyOf(message, 300));
        assertThat(layout.complete()).isFalse();
        MessageLayout.Field last = layout.fields().get(layout.fields().size() - 1);
        assertThat(last.kind()).isEqualTo(MessageLayout.Kind.UNREADABLE);
        assertThat(last.explanation()).isEqualTo("The file ends before this field: it was cut short.");
    }

    @Test
    void bytesAfterTheFooter_andForeignFiles_areUnreadable() throws IOException {
        byte[] message = message(10);
        MessageLayout longer = MessageLayout.of(Arrays.copyOf(message, message.length + 3));
        assertThat(longer.fields().get(longer.fields().size() - 1).explanation())
                .isEqualTo("Bytes follow the end of the message; the SDK rejects them.");
        MessageLayout foreign = MessageLayout.of(HexFormat.of().parseHex("7b2268656c6c6f223a317d"));
        assertThat(foreign.fields()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(MessageLayout.Kind.UNREADABLE);
            assertThat(f.length()).isEqualTo(11);
            assertThat(f.explanation()).startsWith("The first byte is neither");
        });
        assertThat(List.of(MessageLayout.of(new byte[0]).complete())).containsExactly(false);
    }
}
