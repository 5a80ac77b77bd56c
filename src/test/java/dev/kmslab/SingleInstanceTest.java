package dev.kmslab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.io.OwnerOnlyFiles;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One app per data folder: the first start holds the folder, a later one hands its files over (with the token from
 * instance.json) and the first receives them; a wrong token, a stale instance.json and an app that holds the folder
 * but does not answer are each handled without hanging. Both "processes" run in this JVM (a second channel cannot
 * take a lock this JVM holds, just as another process cannot); SingleInstanceTwoJvmTest uses two.
 */
@Timeout(30)
class SingleInstanceTest {

    private static final Duration SHORT = Duration.ofMillis(800);

    @TempDir
    Path data;
    @TempDir
    Path downloads;

    private final BlockingQueue<List<Path>> received = new LinkedBlockingQueue<>();
    private SingleInstance primary;

    @AfterEach
    void close() {
        if (primary != null) {
            primary.close();
        }
    }

    private SingleInstance startPrimary() throws Exception {
        SingleInstance.Claim claim = SingleInstance.claim(data, List.of(), downloads, SHORT);
        assertThat(claim).isInstanceOf(SingleInstance.Claim.Primary.class);
        primary = ((SingleInstance.Claim.Primary) claim).instance();
        primary.onOpen(received::add);
        waitForInfoFile();
        return primary;
    }

    // The listening socket opens on a thread of its own; instance.json appears once it listens.
    private JsonNode waitForInfoFile() throws Exception {
        Path info = data.resolve(SingleInstance.INFO_FILE);
        for (int i = 0; i < 200 && !Files.exists(info); i++) {
            Thread.sleep(25);
        }
        return new ObjectMapper().readTree(info.toFile());
    }

    @Test
    void aSecondStart_handsItsFilesToTheFirst_whichReceivesThemAsAbsolutePaths() throws Exception {
        startPrimary();
        Path pack = downloads.resolve("week 3.kmslab-pack");

        SingleInstance.Claim second = SingleInstance.claim(data, List.of(pack), Path.of("/elsewhere"), SHORT);

        assertThat(second).isEqualTo(new SingleInstance.Claim.HandedOver(data, ProcessHandle.current().pid(), 1));
        assertThat(received.poll(5, TimeUnit.SECONDS)).containsExactly(pack);
    }

    @Test
    void aRelativePath_isResolvedAgainstTheSecondStartsWorkingDirectory() throws Exception {
        startPrimary();

        SingleInstance.Claim second = SingleInstance.claim(data, List.of(Path.of("packs/../week3.kmslab-pack")),
                downloads, SHORT);

        assertThat(second).isInstanceOf(SingleInstance.Claim.HandedOver.class);
        assertThat(received.poll(5, TimeUnit.SECONDS)).containsExactly(downloads.resolve("week3.kmslab-pack"));
    }

    @Test
    void aSecondStartWithoutAFile_handsOverTheEmptyList_soTheWindowComesToTheFront() throws Exception {
        startPrimary();

        assertThat(SingleInstance.claim(data, List.of(), downloads, SHORT))
                .isInstanceOf(SingleInstance.Claim.HandedOver.class);
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void handOversBeforeTheAppListens_areKeptAndPassedOnInOrder() throws Exception {
        SingleInstance.Claim claim = SingleInstance.claim(data, List.of(), downloads, SHORT);
        primary = ((SingleInstance.Claim.Primary) claim).instance();
        waitForInfoFile();
        Path first = downloads.resolve("a.kmslab-pack");
        Path second = downloads.resolve("b.kmslab-lab");
        SingleInstance.claim(data, List.of(first), downloads, SHORT);
        SingleInstance.claim(data, List.of(second), downloads, SHORT);

        primary.onOpen(received::add);

        assertThat(received).containsExactly(List.of(first), List.of(second));
    }

    @Test
    void instanceJson_isOwnerOnly_andNamesThePortAndATokenOf64HexDigits() throws Exception {
        startPrimary();
        JsonNode info = waitForInfoFile();

        assertThat(info.get("port").asInt()).isPositive();
        assertThat(info.get("token").asText()).matches("[0-9a-f]{64}");
        assertThat(info.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        if (OwnerOnlyFiles.isPosix()) {
            assertThat(Files.getPosixFilePermissions(data.resolve(SingleInstance.INFO_FILE)))
                    .isEqualTo(OwnerOnlyFiles.FILE);
            assertThat(Files.getPosixFilePermissions(data.resolve(SingleInstance.LOCK_FILE)))
                    .isEqualTo(OwnerOnlyFiles.FILE);
        }
    }

    @Test
    void aWrongToken_isRefused_andNothingIsOpened() throws Exception {
        startPrimary();
        int port = waitForInfoFile().get("port").asInt();

        String answer = send(port, SingleInstance.HELLO, "0".repeat(64), "/tmp/evil.kmslab-pack");

        assertThat(answer).isEqualTo("REFUSED: wrong token");
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aRelativePathOnTheWire_isRefused() throws Exception {
        startPrimary();
        JsonNode info = waitForInfoFile();

        String answer = send(info.get("port").asInt(), SingleInstance.HELLO, info.get("token").asText(),
                "week3.kmslab-pack");

        assertThat(answer).isEqualTo("REFUSED: not an absolute path: week3.kmslab-pack");
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void moreThan64FilesAtOnce_areRefused() throws Exception {
        startPrimary();
        JsonNode info = waitForInfoFile();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), info.get("port").asInt())) {
            socket.setSoTimeout(5000);
            DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(socket.getOutputStream()));
            out.writeUTF(SingleInstance.HELLO);
            out.writeUTF(info.get("token").asText());
            out.writeInt(65);
            out.flush();
            assertThat(new DataInputStream(socket.getInputStream()).readUTF())
                    .isEqualTo("REFUSED: 65 files (at most 64 at a time)");
        }
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void anInstanceJsonWithAnotherToken_isNotTakenForTheApp_andTheSecondStartGivesUpNamingTheRefusal()
            throws Exception {
        startPrimary();
        Path info = data.resolve(SingleInstance.INFO_FILE);
        Files.writeString(info, Files.readString(info).replaceAll("\"token\": \"[0-9a-f]+\"",
                "\"token\": \"" + "f".repeat(64) + "\""));

        SingleInstance.Claim second = SingleInstance.claim(data, List.of(downloads.resolve("x.kmslab-pack")),
                downloads, SHORT);

        assertThat(second).isInstanceOf(SingleInstance.Claim.Unreachable.class);
        assertThat(((SingleInstance.Claim.Unreachable) second).reason()).endsWith("answered \"REFUSED: wrong token\"");
        assertThat(received).isEmpty();
    }

    @Test
    void aStaleInstanceJson_withNothingListening_andTheLockFree_startsNormallyAndIsReplaced() throws Exception {
        int deadPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = gone.getLocalPort();
        }
        Files.writeString(data.resolve(SingleInstance.INFO_FILE),
                "{\"port\": " + deadPort + ", \"token\": \"" + "a".repeat(64) + "\", \"pid\": 1}");

        startPrimary();

        JsonNode info = waitForInfoFile();
        assertThat(info.get("token").asText()).isNotEqualTo("a".repeat(64));
        assertThat(SingleInstance.claim(data, List.of(), downloads, SHORT))
                .isInstanceOf(SingleInstance.Claim.HandedOver.class);
    }

    @Test
    void aHeldFolderWhoseAppDoesNotListen_givesUpAfterThePatience_namingThePort() throws Exception {
        int deadPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = gone.getLocalPort();
        }
        Files.writeString(data.resolve(SingleInstance.INFO_FILE),
                "{\"port\": " + deadPort + ", \"token\": \"" + "a".repeat(64) + "\", \"pid\": 1}");
        try (FileChannel channel = FileChannel.open(data.resolve(SingleInstance.LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = channel.lock()) {

            SingleInstance.Claim second = SingleInstance.claim(data, List.of(), downloads, SHORT);

            assertThat(second).isInstanceOf(SingleInstance.Claim.Unreachable.class);
            assertThat(((SingleInstance.Claim.Unreachable) second).reason()).startsWith("port " + deadPort + " (from "
                    + data.resolve(SingleInstance.INFO_FILE) + "): java.net.ConnectException");
            assertThat(held.isValid()).isTrue();
        }
    }

    @Test
    void aHeldFolderWhoseAppAcceptsButNeverAnswers_givesUpAfterTheReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             FileChannel channel = FileChannel.open(data.resolve(SingleInstance.LOCK_FILE),
                     StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            Files.writeString(data.resolve(SingleInstance.INFO_FILE),
                    "{\"port\": " + silent.getLocalPort() + ", \"token\": \"" + "a".repeat(64) + "\"}");

            SingleInstance.Claim second = SingleInstance.claim(data, List.of(), downloads, SHORT);

            assertThat(second).isInstanceOf(SingleInstance.Claim.Unreachable.class);
            assertThat(((SingleInstance.Claim.Unreachable) second).reason())
                    .contains("java.net.SocketTimeoutException");
        }
    }

    @Test
    void aHeldFolderWithoutInstanceJson_orWithABrokenOne_saysWhichFileAndField() throws Exception {
        try (FileChannel channel = FileChannel.open(data.resolve(SingleInstance.LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            Path info = data.resolve(SingleInstance.INFO_FILE);
            assertThat(((SingleInstance.Claim.Unreachable) SingleInstance.claim(data, List.of(), downloads, SHORT))
                    .reason()).isEqualTo(info + " is missing (the app may still be starting)");

            Files.writeString(info, "{\"port\": \"x\", \"token\": \"abc\"}");
            assertThat(((SingleInstance.Claim.Unreachable) SingleInstance.claim(data, List.of(), downloads, SHORT))
                    .reason()).isEqualTo(info + ": field \"port\" is missing or not a port number");

            Files.writeString(info, "{\"port\": 70000, \"token\": \"" + "a".repeat(64) + "\"}");
            assertThat(((SingleInstance.Claim.Unreachable) SingleInstance.claim(data, List.of(), downloads, SHORT))
                    .reason()).isEqualTo(info + ": field \"port\" is missing or not a port number");

            Files.writeString(info, "{\"port\": 4599, \"token\": \"abc\"}");
            assertThat(((SingleInstance.Claim.Unreachable) SingleInstance.claim(data, List.of(), downloads, SHORT))
                    .reason()).isEqualTo(info + ": field \"token\" is missing or not a string of 64 hex digits");
        }
    }

    @Test
    void closing_removesInstanceJsonAndFreesTheFolder_forTheNextStart() throws Exception {
        startPrimary().close();

        assertThat(data.resolve(SingleInstance.INFO_FILE)).doesNotExist();
        assertThat(data.resolve(SingleInstance.LOCK_FILE)).exists();
        startPrimary();
    }

    @Test
    void aStartWhileTheAppCloses_waitsForIt_andThenRunsItself_insteadOfHandingItsFileToAClosingApp()
            throws Exception {
        SingleInstance closing = startPrimary();
        closing.stopListening();
        assertThat(data.resolve(SingleInstance.INFO_FILE)).doesNotExist();
        java.util.concurrent.CompletableFuture<SingleInstance.Claim> second = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> SingleInstance.claim(data, List.of(downloads.resolve("x.kmslab-pack")), downloads,
                        Duration.ofSeconds(20)));
        Thread.sleep(300);
        assertThat(second).isNotDone();

        closing.close();

        SingleInstance.Claim claim = second.get(10, TimeUnit.SECONDS);
        assertThat(claim).isInstanceOf(SingleInstance.Claim.Primary.class);
        primary = ((SingleInstance.Claim.Primary) claim).instance();
        assertThat(received).isEmpty();
    }

    @Test
    void aMissingDataFolder_isCreatedOwnerOnly_byTheFirstStart() throws Exception {
        Path fresh = data.resolve("new-home");

        SingleInstance.Claim claim = SingleInstance.claim(fresh, List.of(), downloads, SHORT);

        primary = ((SingleInstance.Claim.Primary) claim).instance();
        if (OwnerOnlyFiles.isPosix()) {
            assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(OwnerOnlyFiles.DIRECTORY);
        }
    }

    @Test
    void theLaunchersClaim_goesToTheAppOnTheSameDataFolderOnly() throws Exception {
        startPrimary();
        SingleInstance.holdForApp(primary);

        assertThat(SingleInstance.takeForApp(downloads)).isNull();
        assertThat(SingleInstance.takeForApp(data)).isSameAs(primary);
        assertThat(SingleInstance.takeForApp(data)).isNull();
    }

    private static String send(int port, String hello, String token, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(socket.getOutputStream()));
            out.writeUTF(hello);
            out.writeUTF(token);
            out.writeInt(1);
            out.writeUTF(path);
            out.flush();
            return new DataInputStream(socket.getInputStream()).readUTF();
        }
    }
}
