package dev.kmslab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real JVMs on one data folder: the first holds it (the headless part of the app: {@link SingleInstance}, which
 * prints what it is handed), the second is the real launcher started with a relative file name in another working
 * directory. The launcher hands the file over and exits 0 without starting JavaFX; when the first JVM is killed, the
 * folder is free again despite the instance.json it left.
 */
@Timeout(60)
class SingleInstanceTwoJvmTest {

    @TempDir
    Path data;
    @TempDir
    Path downloads;

    private Process first;
    private final BlockingQueue<String> firstSays = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        if (first != null) {
            first.destroyForcibly();
        }
    }

    /** The first JVM: holds the data folder and prints "ready", then one "open <paths>" line per hand-over. */
    public static void main(String[] args) throws Exception {
        SingleInstance.Claim claim = SingleInstance.claim(Path.of(args[0]), List.of(), Path.of(""),
                SingleInstance.PATIENCE);
        if (!(claim instanceof SingleInstance.Claim.Primary primary)) {
            System.out.println("not primary: " + claim);
            return;
        }
        primary.instance().onOpen(files -> {
            System.out.println("open " + files);
            System.out.flush();
        });
        Path info = Path.of(args[0]).resolve(SingleInstance.INFO_FILE);
        while (!Files.exists(info)) {
            Thread.sleep(20);
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private void startFirst() throws IOException, InterruptedException {
        first = new ProcessBuilder(java(SingleInstanceTwoJvmTest.class.getName(), data.toString()))
                .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(first.getInputStream(),
                    StandardCharsets.UTF_8))) {
                in.lines().forEach(firstSays::add);
            } catch (IOException e) {
                firstSays.add("read failed: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(firstSays.poll(30, TimeUnit.SECONDS)).isEqualTo("ready");
    }

    @Test
    void theLauncher_handsItsFileToTheRunningApp_andExitsZero() throws Exception {
        startFirst();
        Process second = new ProcessBuilder(java(Launcher.class.getName(), "--data-dir", data.toString(),
                "week 3.kmslab-pack")).directory(downloads.toFile()).redirectErrorStream(true).start();

        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.exitValue()).as(output).isZero();
        assertThat(output).isEqualTo("KMS Lab is already running on " + data + " (process " + first.pid()
                + "); the file was passed to it." + System.lineSeparator());
        assertThat(firstSays.poll(10, TimeUnit.SECONDS)).isEqualTo("open [" + downloads.resolve("week 3.kmslab-pack")
                + "]");
    }

    @Test
    void aKilledApp_leavesTheFolderFree_despiteItsInstanceJson() throws Exception {
        startFirst();
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(data.resolve(SingleInstance.INFO_FILE)).exists();

        SingleInstance.Claim claim = SingleInstance.claim(data, List.of(), downloads, Duration.ofSeconds(2));

        assertThat(claim).isInstanceOf(SingleInstance.Claim.Primary.class);
        ((SingleInstance.Claim.Primary) claim).instance().close();
    }
}
