package dev.kmslab.bench;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.server.KmsHttpServer;
import dev.kmslab.server.ServerConfig;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.SigV4;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The endpoint over loopback HTTP: Encrypt of 1 KiB from 8 concurrent keep-alive clients, requests/s and latency
 * percentiles, against a bare JDK {@code HttpServer} answering a fixed body of the same size under the same clients
 * (target: ratio ≥ 0.6, p99 &lt; 5 ms); the same load for a few worker pool sizes (why the default is 8); and a soak
 * ({@code -Dkmslab.bench.soakSeconds=60}, default 10) counting errors and comparing heap before and after.
 *
 * <p>Clients are raw sockets replaying a request each signed once per phase (SigV4 allows a five-minute window), so
 * the client side costs little and the numbers describe the server. Client and server share the machine's cores.
 */
public final class ServerBenchmarks {

    private static final int CLIENTS = 8;
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private ServerBenchmarks() {
    }

    /** Totals of one load phase: latencies in a microsecond histogram (10 µs buckets up to 1 s). */
    private static final class Result {
        final long[] histogram = new long[100_001];
        long requests;
        long errors;

        synchronized void merge(Result other) {
            for (int i = 0; i < histogram.length; i++) {
                histogram[i] += other.histogram[i];
            }
            requests += other.requests;
            errors += other.errors;
        }

        void record(long nanos, boolean ok) {
            histogram[(int) Math.min(histogram.length - 1, nanos / 10_000)]++;
            requests++;
            if (!ok) {
                errors++;
            }
        }

        double percentileMillis(double p) {
            long target = (long) Math.ceil(requests * p);
            long seen = 0;
            for (int i = 0; i < histogram.length; i++) {
                seen += histogram[i];
                if (seen >= target) {
                    return (i + 1) * 0.01;
                }
            }
            return histogram.length * 0.01;
        }
    }

    public static void run() throws Exception {
        long soakSeconds = Long.getLong("kmslab.bench.soakSeconds", 10);
        KmsEngine engine = KmsEngine.open(EngineConfig.defaults().withAuditLog(AuditLog.inMemory(1000)));
        String keyId = engine.createKey(CallerContext.root(engine.account()), CreateKeyRequest.symmetric())
                .keyMetadata().keyId();
        AccessKeyStore keys = AccessKeyStore.inMemory(engine.account());

        try (KmsHttpServer server = KmsHttpServer.start(engine, ServerConfig.defaults(keys).withPort(0))) {
            load(server, keyId, 5_000); // JIT warm-up, so the pool sizes below are compared on compiled code
            againstBareServer(server, keyId);
        }
        double defaultRate = 0;
        for (int workers : new int[] {2, 4, 8, 16}) {
            try (KmsHttpServer server = KmsHttpServer.start(engine, ServerConfig.defaults(keys).withPort(0)
                    .withWorkerThreads(workers))) {
                load(server, keyId, 500);
                Result result = load(server, keyId, 3_000);
                double rate = result.requests / 3.0;
                if (workers == 8) {
                    defaultRate = rate;
                }
                Bench.report("server.encrypt_1k_8clients_workers" + workers, rate, "req/s");
            }
        }
        try (KmsHttpServer server = KmsHttpServer.start(engine, ServerConfig.defaults(keys).withPort(0))) {
            Result result = load(server, keyId, 5_000);
            double rate = result.requests / 5.0;
            Bench.report("server.encrypt_1k_8clients", rate, "req/s", rate / defaultRate,
                    "server.encrypt_1k_8clients_workers8");
            Bench.report("server.encrypt_1k_8clients_p50", result.percentileMillis(0.50), "ms");
            Bench.report("server.encrypt_1k_8clients_p99", result.percentileMillis(0.99), "ms");
            Bench.info("server.encrypt_1k_8clients", "errors=" + result.errors + " requests=" + result.requests);
            soak(server, keyId, soakSeconds);
        }
    }

    /**
     * The ceiling: a bare JDK {@code HttpServer} with the same worker pool, reading each request body and answering a
     * fixed body as long as the endpoint's Encrypt answer, under the same clients and request bytes. Rounds of the two
     * alternate and the best of each is kept, so that a busy machine slows both alike.
     */
    private static void againstBareServer(KmsHttpServer server, String keyId) throws Exception {
        byte[] request = signedEncrypt(server, keyId);
        int answerBytes = answerLength(server, request);
        HttpServer bare = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(8, 8, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        byte[] fixed = new byte[answerBytes];
        Arrays.fill(fixed, (byte) 'x');
        bare.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(200, fixed.length);
                exchange.getResponseBody().write(fixed);
            }
        });
        bare.setExecutor(pool);
        bare.start();
        InetSocketAddress bareAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                bare.getAddress().getPort());
        InetSocketAddress kmsAddress = new InetSocketAddress(server.endpoint().getHost(), server.port());
        try {
            load(bareAddress, request, 2_000); // warm-up
            Result bestBare = null;
            Result bestKms = null;
            for (int round = 0; round < 3; round++) {
                Result b = load(bareAddress, request, 3_000);
                Result k = load(kmsAddress, request, 3_000);
                bestBare = bestBare == null || b.requests > bestBare.requests ? b : bestBare;
                bestKms = bestKms == null || k.requests > bestKms.requests ? k : bestKms;
            }
            double bareRate = bestBare.requests / 3.0;
            double kmsRate = bestKms.requests / 3.0;
            Bench.report("server.bare_httpserver_fixed_" + answerBytes + "b", bareRate, "req/s");
            Bench.report("server.bare_httpserver_p99", bestBare.percentileMillis(0.99), "ms");
            Bench.report("server.encrypt_1k_vs_bare", kmsRate, "req/s", kmsRate / bareRate,
                    "server.bare_httpserver_fixed_" + answerBytes + "b");
            Bench.report("server.encrypt_1k_vs_bare_p99", bestKms.percentileMillis(0.99), "ms");
            Bench.info("server.encrypt_1k_vs_bare", String.format(Locale.ROOT, "p50 endpoint %.2f ms, bare %.2f ms; "
                    + "errors endpoint %d, bare %d", bestKms.percentileMillis(0.5), bestBare.percentileMillis(0.5),
                    bestKms.errors, bestBare.errors));
        } finally {
            bare.stop(0);
            pool.shutdownNow();
        }
    }

    /** The length of the endpoint's answer to {@code request}, so the bare server answers as many bytes. */
    private static int answerLength(KmsHttpServer server, byte[] request) throws IOException {
        try (Socket socket = new Socket(server.endpoint().getHost(), server.port())) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            readLine(in);
            int length = 0;
            String line;
            while (!(line = readLine(in)).isEmpty()) {
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            return length;
        }
    }

    private static void soak(KmsHttpServer server, String keyId, long seconds) throws Exception {
        long heapBefore = usedHeapAfterGc();
        Result result = load(server, keyId, seconds * 1000);
        long heapAfter = usedHeapAfterGc();
        Bench.report("server.soak_" + seconds + "s", result.requests / (double) seconds, "req/s");
        Bench.report("server.soak_" + seconds + "s_p99", result.percentileMillis(0.99), "ms");
        Bench.info("server.soak_" + seconds + "s", String.format(Locale.ROOT,
                "requests=%d errors=%d heapBeforeMiB=%.1f heapAfterMiB=%.1f", result.requests, result.errors,
                heapBefore / 1048576.0, heapAfter / 1048576.0));
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Runs 8 keep-alive clients for the given time and merges their results. */
    private static Result load(KmsHttpServer server, String keyId, long millis) throws Exception {
        return load(new InetSocketAddress(server.endpoint().getHost(), server.port()), signedEncrypt(server, keyId),
                millis);
    }

    /** Runs 8 keep-alive clients sending {@code request} to {@code address} for the given time. */
    private static Result load(InetSocketAddress address, byte[] request, long millis) throws Exception {
        Result total = new Result();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Thread client = new Thread(() -> {
                Result mine = new Result();
                try {
                    runClient(address, request, stop, mine);
                } catch (IOException e) {
                    mine.errors++;
                }
                total.merge(mine);
            }, "bench-client-" + c);
            clients.add(client);
            client.start();
        }
        Thread.sleep(millis);
        stop.set(true);
        for (Thread client : clients) {
            client.join(30_000);
        }
        return total;
    }

    private static void runClient(InetSocketAddress address, byte[] request, AtomicBoolean stop, Result result)
            throws IOException {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
            while (!stop.get()) {
                long start = System.nanoTime();
                out.write(request);
                out.flush();
                int status = readResponse(in);
                result.record(System.nanoTime() - start, status == 200);
            }
        }
    }

    private static byte[] signedEncrypt(KmsHttpServer server, String keyId) {
        byte[] body = ("{\"KeyId\":\"" + keyId + "\",\"Plaintext\":\""
                + Base64.getEncoder().encodeToString(new byte[1024]) + "\"}").getBytes(StandardCharsets.UTF_8);
        String host = server.endpoint().getHost() + ":" + server.port();
        String amzDate = AMZ_DATE.format(Instant.now());
        String scope = amzDate.substring(0, 8) + "/us-east-1/kms/aws4_request";
        List<String> signed = List.of("content-type", "host", "x-amz-date", "x-amz-target");
        List<String> values = List.of("application/x-amz-json-1.1", host, amzDate, "TrentService.Encrypt");
        String canonical = SigV4.canonicalRequest("POST", "/", null, name -> List.of(values.get(signed.indexOf(name))),
                signed, SigV4.sha256Hex(body));
        String signature = SigV4.signature(SigV4.signingKey(AccessKeyStore.DEFAULT_SECRET_ACCESS_KEY,
                amzDate.substring(0, 8), "us-east-1", "kms"), SigV4.stringToSign(amzDate, scope, canonical));
        String head = "POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/x-amz-json-1.1\r\n"
                + "X-Amz-Date: " + amzDate + "\r\nX-Amz-Target: TrentService.Encrypt\r\nAuthorization: "
                + SigV4.ALGORITHM + " Credential=" + AccessKeyStore.DEFAULT_ACCESS_KEY_ID + "/" + scope
                + ", SignedHeaders=" + String.join(";", signed) + ", Signature=" + signature
                + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Reads one response (status line, headers, Content-Length body) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = 0;
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.skipNBytes(length);
        return status;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
