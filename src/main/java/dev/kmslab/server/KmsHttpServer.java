package dev.kmslab.server;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.engine.LabAccounts;
import dev.kmslab.server.ops.OperationTable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local AWS KMS endpoint: the AWS JSON 1.1 protocol ({@code POST /}, {@code X-Amz-Target: TrentService.<Op>})
 * over the JDK's built-in {@code com.sun.net.httpserver}, in front of a {@link KmsEngine}.
 *
 * <h2>Why this server and this pool</h2>
 * The JDK server needs no dependency and, with keep-alive, one selector thread accepts and parses connections while
 * handlers run on our executor. Left to its defaults it would run every handler on that single selector thread, so
 * one slow call would stall all the others; an unbounded cached pool would instead start a thread per concurrent
 * connection and let a flood of clients exhaust memory. A fixed pool of a few threads per core keeps the CPU-bound
 * work (SigV4 HMACs, AES-GCM, JSON) parallel, while a bounded queue absorbs bursts; when the queue is full the
 * selector thread runs the request itself, which slows accepting new work instead of dropping it. Measured with
 * {@code ServerBenchmarks} (Encrypt of 1 KiB, 8 keep-alive clients, 2 cores shared with other builds): 9,400-13,300
 * requests/s with p99 6-9.4 ms, and a 60-second soak of 800,000 calls without errors or heap growth. Pool sizes from 2
 * to 16 gave erratic results on that machine (1,500-9,200 requests/s, ordered by when they ran rather than by size),
 * so none proved better; 8 was kept as enough to overlap a stalled read with other work
 * while keeping the thread count small.
 *
 * <p>Request read timeouts come from the JDK server's {@code sun.net.httpserver.maxReqTime}/{@code maxRspTime},
 * set from {@link ServerConfig#requestTimeout()} unless already given on the command line; a client that stalls
 * mid-request has its connection closed instead of holding a worker forever.
 */
public final class KmsHttpServer implements AutoCloseable {

    private static final AtomicInteger SERVER_NUMBER = new AtomicInteger();

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final KmsRequestHandler handler;
    private final URI endpoint;

    private KmsHttpServer(HttpServer server, ThreadPoolExecutor executor, KmsRequestHandler handler) {
        this.server = server;
        this.executor = executor;
        this.handler = handler;
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        this.endpoint = URI.create((server instanceof HttpsServer ? "https://" : "http://")
                + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    /** Binds, starts serving and returns; {@link #stop()} ends it. */
    public static KmsHttpServer start(KmsEngine engine, ServerConfig config) throws IOException {
        return start(engine, config, OperationTable.standard());
    }

    public static KmsHttpServer start(KmsEngine engine, ServerConfig config, OperationTable operations)
            throws IOException {
        return start(new KmsRequestHandler(engine, config, operations), config);
    }

    /** Serves every simulated Region; each request reaches the Region its SigV4 credential scope names. */
    public static KmsHttpServer start(KmsRegions regions, ServerConfig config) throws IOException {
        return start(regions, config, OperationTable.standard());
    }

    public static KmsHttpServer start(KmsRegions regions, ServerConfig config, OperationTable operations)
            throws IOException {
        return start(new KmsRequestHandler(regions, config, operations), config, Safeguards.none());
    }

    /** Serves every simulated Region over HTTPS and/or with per-key rate limits, as {@code safeguards} say. */
    public static KmsHttpServer start(KmsRegions regions, ServerConfig config, Safeguards safeguards)
            throws IOException {
        return start(new KmsRequestHandler(regions, config, OperationTable.standard()), config, safeguards);
    }

    /** Serves one engine with {@code safeguards} (the app's endpoint panel). */
    public static KmsHttpServer start(KmsEngine engine, ServerConfig config, Safeguards safeguards)
            throws IOException {
        return start(new KmsRequestHandler(engine, config, OperationTable.standard()), config, safeguards);
    }

    /** Serves every lab account in every Region: a request reaches the account owning the key it names. */
    public static KmsHttpServer start(LabAccounts accounts, ServerConfig config) throws IOException {
        return start(accounts, config, Safeguards.none());
    }

    /** Serves every lab account in every Region with the {@code safeguards} given (TLS, rate limits). */
    public static KmsHttpServer start(LabAccounts accounts, ServerConfig config, Safeguards safeguards)
            throws IOException {
        return start(new KmsRequestHandler(accounts, config, OperationTable.standard()), config, safeguards);
    }

    /**
     * Serves the lab accounts {@code accounts} supplies, asked again at every request: the app's endpoint follows the
     * Key Lab when a snapshot restore or reset reopens its engines. {@code regions} are the Regions served. It must
     * supply accounts when the server starts (their clock times the STS sessions kept from before); while it later
     * supplies none, requests are answered 503 ServiceUnavailableException.
     */
    public static KmsHttpServer start(java.util.function.Supplier<LabAccounts> accounts,
                                      java.util.List<String> regions, ServerConfig config, Safeguards safeguards)
            throws IOException {
        return start(new KmsRequestHandler(accounts, regions, config, OperationTable.standard()), config,
                safeguards);
    }

    private static KmsHttpServer start(KmsRequestHandler handler, ServerConfig config) throws IOException {
        return start(handler, config, Safeguards.none());
    }

    private static KmsHttpServer start(KmsRequestHandler handler, ServerConfig config, Safeguards safeguards)
            throws IOException {
        safeguards.rateLimits().ifPresent(handler::limitRate);
        String seconds = String.valueOf(Math.max(1, config.requestTimeout().toSeconds()));
        setIfAbsent("sun.net.httpserver.maxReqTime", seconds);
        setIfAbsent("sun.net.httpserver.maxRspTime", seconds);
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the body waits for the
        // client's delayed ACK and every response takes ~40 ms. Measured: 170 req/s with it on.
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        ThreadPoolExecutor executor = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(),
                60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(config.queueCapacity()),
                workerThreads(SERVER_NUMBER.incrementAndGet()), new ThreadPoolExecutor.CallerRunsPolicy());
        InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.port());
        HttpServer server;
        if (safeguards.tls().isPresent()) {
            HttpsServer https = HttpsServer.create(address, 128);
            https.setHttpsConfigurator(new HttpsConfigurator(safeguards.tls().get().serverContext()));
            server = https;
        } else {
            server = HttpServer.create(address, 128);
        }
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
        return new KmsHttpServer(server, executor, handler);
    }

    /**
     * {@code http://127.0.0.1:<port>} ({@code https://} when serving TLS), for {@code --endpoint-url} and
     * {@code endpointOverride}.
     */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void addListener(ServerCallListener listener) {
        handler.addListener(listener);
    }

    public void removeListener(ServerCallListener listener) {
        handler.removeListener(listener);
    }

    /** Stops accepting, gives calls in progress up to a second to finish, then releases the port and the threads. */
    public void stop() {
        server.stop(1);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static ThreadFactory workerThreads(int serverNumber) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "kms-http-" + serverNumber + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
