package dev.kmslab.ui.keylab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.ui.UiTests;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class BlobSegmentsTest {

    private static byte[] realBlob(String text) {
        KmsEngine engine = KmsEngine.inMemory();
        CallerContext root = CallerContext.root(engine.account());
        String id = engine.createKey(root, CreateKeyRequest.symmetric()).keyMetadata().keyId();
        return engine.encrypt(root, EncryptRequest.of(id, text.getBytes(StandardCharsets.UTF_8), Map.of()))
                .ciphertextBlob();
    }

    @Test
    void aRealBlob_splitsAsTheClassCommentDocuments() {
        byte[] blob = realBlob("12345");
        List<BlobSegments.Segment> s = BlobSegments.of(blob);
        assertThat(s).containsExactly(
                new BlobSegments.Segment(BlobSegments.Kind.FORMAT, 0, 1),
                new BlobSegments.Segment(BlobSegments.Kind.KEY_ID_LENGTH, 1, 1),
                new BlobSegments.Segment(BlobSegments.Kind.KEY_ID, 2, 36),
                new BlobSegments.Segment(BlobSegments.Kind.KEY_VERSION, 38, 4),
                new BlobSegments.Segment(BlobSegments.Kind.IV, 42, 12),
                new BlobSegments.Segment(BlobSegments.Kind.CIPHERTEXT, 54, 5),
                new BlobSegments.Segment(BlobSegments.Kind.TAG, 59, 16));
        assertThat(blob).hasSize(75);
    }

    @Test
    void aDamagedLengthByte_marksTheRestUnreadable_butCoversEveryByte() {
        byte[] blob = realBlob("x");
        blob[1] = (byte) 200;
        List<BlobSegments.Segment> s = BlobSegments.of(blob);
        assertThat(s).extracting(BlobSegments.Segment::kind).containsExactly(BlobSegments.Kind.FORMAT,
                BlobSegments.Kind.KEY_ID_LENGTH, BlobSegments.Kind.UNREADABLE);
        assertThat(s.stream().mapToInt(BlobSegments.Segment::length).sum()).isEqualTo(blob.length);
    }

    @Test
    void tinyInputs_areUnreadable() {
        assertThat(BlobSegments.of(new byte[] {1})).containsExactly(
                new BlobSegments.Segment(BlobSegments.Kind.UNREADABLE, 0, 1));
        assertThat(BlobSegments.of(new byte[0])).isEmpty();
    }
}
