package dev.kmslab.engine.esdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 256 MiB through encryption and decryption in the AWS Encryption SDK format in a JVM whose heap is 32 MiB: it can
 * only pass if memory does not grow with the stream.
 */
class StreamingHeapTest {

    @TempDir
    Path dir;

    @Test
    void twoHundredFiftySixMiB_streamThroughA32MiBHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Xmx32m", "-cp",
                System.getProperty("java.class.path"), StreamingHeapMain.class.getName(),
                dir.resolve("big.encrypted").toString(), "256"))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(180, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("streamed 268435456 bytes").contains("same=true");
    }
}
