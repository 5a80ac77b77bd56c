package dev.kmslab.server;

import dev.kmslab.server.auth.CallerMapper;
import dev.kmslab.server.auth.CredentialResolver;
import dev.kmslab.server.sts.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the endpoint listens and whom it trusts.
 *
 * @param bindAddress    interface to listen on; loopback unless the user asks otherwise
 * @param port           TCP port, 0 for any free port
 * @param workerThreads  handler threads (see {@link KmsHttpServer} for why the pool is bounded)
 * @param queueCapacity  requests waiting for a worker before the accepting thread runs them itself (back-pressure)
 * @param maxBodyBytes   larger request bodies are refused with 413
 * @param requestTimeout a request (headers and body) not received in this time has its connection closed; the JDK
 *                       server reads this once per process, so the first server started fixes it
 * @param credentials    access key id → credential
 * @param callerMapper   credential → engine caller
 * @param wallClock      the real time that SigV4 timestamps are checked against
 * @param sessions       where STS sessions are kept (memory only by default; sealed in the data folder for
 *                       {@code serve} and the app, so a restart keeps them)
 */
public record ServerConfig(String bindAddress, int port, int workerThreads, int queueCapacity, int maxBodyBytes,
                           Duration requestTimeout, CredentialResolver credentials, CallerMapper callerMapper,
                           Clock wallClock, SessionStore sessions) {

    public static final int DEFAULT_PORT = 4599;
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(callerMapper, "callerMapper");
        Objects.requireNonNull(wallClock, "wallClock");
        Objects.requireNonNull(sessions, "sessions");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        if (workerThreads < 1 || queueCapacity < 1 || maxBodyBytes < 1) {
            throw new IllegalArgumentException("workerThreads, queueCapacity and maxBodyBytes must be positive");
        }
        if (requestTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("requestTimeout must be at least one second: " + requestTimeout);
        }
    }

    /** 127.0.0.1:4599, eight workers, 1 MiB bodies, 20-second request timeout, principals passed straight through. */
    public static ServerConfig defaults(CredentialResolver credentials) {
        return new ServerConfig("127.0.0.1", DEFAULT_PORT, 8, 1024, DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(20),
                credentials, CallerMapper.direct(), Clock.systemUTC(), SessionStore.inMemory());
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(bindAddress, newPort, workerThreads, queueCapacity, maxBodyBytes, requestTimeout,
                credentials, callerMapper, wallClock, sessions);
    }

    public ServerConfig withBindAddress(String newBindAddress) {
        return new ServerConfig(newBindAddress, port, workerThreads, queueCapacity, maxBodyBytes, requestTimeout,
                credentials, callerMapper, wallClock, sessions);
    }

    public ServerConfig withWorkerThreads(int threads) {
        return new ServerConfig(bindAddress, port, threads, queueCapacity, maxBodyBytes, requestTimeout,
                credentials, callerMapper, wallClock, sessions);
    }

    public ServerConfig withRequestTimeout(Duration timeout) {
        return new ServerConfig(bindAddress, port, workerThreads, queueCapacity, maxBodyBytes, timeout,
                credentials, callerMapper, wallClock, sessions);
    }

    public ServerConfig withCallerMapper(CallerMapper mapper) {
        return new ServerConfig(bindAddress, port, workerThreads, queueCapacity, maxBodyBytes, requestTimeout,
                credentials, mapper, wallClock, sessions);
    }

    public ServerConfig withWallClock(Clock clock) {
        return new ServerConfig(bindAddress, port, workerThreads, queueCapacity, maxBodyBytes, requestTimeout,
                credentials, callerMapper, clock, sessions);
    }

    public ServerConfig withSessions(SessionStore store) {
        return new ServerConfig(bindAddress, port, workerThreads, queueCapacity, maxBodyBytes, requestTimeout,
                credentials, callerMapper, wallClock, store);
    }
}
