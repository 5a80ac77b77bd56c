package dev.kmslab.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.engine.LabAccounts;
import dev.kmslab.engine.error.DryRunOperationException;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.server.auth.Credential;
import dev.kmslab.server.auth.SigV4;
import dev.kmslab.server.auth.SigV4Verifier;
import dev.kmslab.server.error.WireError;
import dev.kmslab.server.json.JsonInput;
import dev.kmslab.server.limits.TokenBuckets;
import dev.kmslab.server.ops.Operation;
import dev.kmslab.server.ops.OperationTable;
import dev.kmslab.server.sts.StsEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One AWS JSON 1.1 request, start to finish: bounded body → SigV4 → {@code X-Amz-Target} → JSON → engine →
 * response. Every failure becomes {@code {"__type": …, "message": …}}: 400 for the caller's faults (including every
 * engine error whose {@link KmsException#isClientError()} is true), 413 for an oversized body, 500 only for faults of
 * the server itself, whose details go to the log and never to the caller.
 */
final class KmsRequestHandler implements HttpHandler {

    static final String TARGET_PREFIX = "TrentService.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final Logger LOG = Logger.getLogger(KmsRequestHandler.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();
    private static final byte[] EMPTY = new byte[0];

    private final EngineRouter router;
    /** The home account's engine per Region: where refusals made before routing (throttling) are audited. */
    private final Function<String, KmsEngine> engines;
    private final List<String> regions;
    private final ServerConfig config;
    private final SigV4Verifier verifier;
    private final StsBridge sts;
    private final OperationTable operations;
    private final List<ServerCallListener> listeners = new CopyOnWriteArrayList<>();
    private volatile TokenBuckets rateLimits;

    KmsRequestHandler(KmsEngine engine, ServerConfig config, OperationTable operations) {
        this(List.of(engine.region()), region -> engine, EngineRouter.byRegion(region -> engine), config,
                operations);
    }

    /** Serves several Regions: each request goes to the engine of its SigV4 credential scope's Region. */
    KmsRequestHandler(KmsRegions regions, ServerConfig config, OperationTable operations) {
        this(regions.regions(), regions::engine, EngineRouter.byRegion(regions::engine), config, operations);
    }

    /** Serves several accounts: a request goes to the account owning the key it names (see {@link EngineRouter}). */
    KmsRequestHandler(LabAccounts accounts, ServerConfig config, OperationTable operations) {
        this(accounts.home().regions(), accounts.home()::engine, EngineRouter.byAccount(accounts), config,
                operations);
    }

    /**
     * Serves the lab accounts {@code accounts} supplies at each request, so the app can swap them (a Key Lab snapshot
     * restore reopens every engine) while the endpoint keeps listening; while it supplies none (the engines are
     * being reopened) requests are answered 503, which the AWS SDKs and CLI retry.
     */
    KmsRequestHandler(java.util.function.Supplier<LabAccounts> accounts, List<String> regions, ServerConfig config,
                      OperationTable operations) {
        this(regions, region -> current(accounts).home().engine(region),
                (region, principalArn, input) -> EngineRouter.byAccount(current(accounts)).engine(region,
                        principalArn, input), config, operations);
    }

    private static LabAccounts current(java.util.function.Supplier<LabAccounts> accounts) {
        LabAccounts now = accounts.get();
        if (now == null) {
            throw new WireError(503, "ServiceUnavailableException", "The lab's keystores are being reopened (a "
                    + "Key Lab snapshot restore or reset); try again in a moment.");
        }
        return now;
    }

    private KmsRequestHandler(List<String> regions, Function<String, KmsEngine> engines, EngineRouter router,
                              ServerConfig config, OperationTable operations) {
        this.router = router;
        this.engines = engines;
        this.regions = List.copyOf(regions);
        this.config = config;
        this.operations = operations;
        // STS shares the port and the keys; its temporary credentials are accepted here until they expire.
        StsEndpoint stsEndpoint = new StsEndpoint(regions, engines, config.credentials(), config.wallClock(),
                config.sessions());
        this.sts = new StsBridge(stsEndpoint, config.maxBodyBytes());
        this.verifier = new SigV4Verifier(stsEndpoint.credentials(), regions, config.wallClock());
    }

    /** Limits each access key to its own token bucket (set before the server starts). */
    void limitRate(TokenBuckets buckets) {
        this.rateLimits = buckets;
    }

    void addListener(ServerCallListener listener) {
        listeners.add(listener);
    }

    void removeListener(ServerCallListener listener) {
        listeners.remove(listener);
    }

    /** What is known about a call as it proceeds, for the listener. */
    private static final class Progress {
        String requestId;
        String operation;
        String accessKeyId;
        String principalArn;
    }

    @Override
    public void handle(HttpExchange exchange) {
        if (StsBridge.accepts(exchange)) {
            sts.handle(exchange, this::notifyListeners);
            return;
        }
        long started = System.nanoTime();
        Instant receivedAt = Instant.now();
        String requestId = RequestIds.next();
        Progress progress = new Progress();
        progress.requestId = requestId;
        int status = 0;
        String errorType = null;
        String errorMessage = null;
        try (exchange) {
            byte[] response;
            try {
                response = process(exchange, progress);
                status = 200;
            } catch (WireError e) {
                status = e.status();
                errorType = e.type();
                errorMessage = e.getMessage();
                response = errorBody(errorType, errorMessage);
            } catch (KmsException e) {
                status = e instanceof DryRunOperationException ? 412 : e.isClientError() ? 400 : 500;
                errorType = e.errorCode();
                errorMessage = e.isClientError() ? e.getMessage() : "An internal error occurred.";
                if (!e.isClientError()) {
                    LOG.log(Level.WARNING, "request " + requestId + " failed inside the engine", e);
                }
                response = errorBody(errorType, errorMessage);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "request " + requestId + " failed", e);
                status = 500;
                errorType = "KMSInternalException";
                errorMessage = "An internal error occurred.";
                response = errorBody(errorType, errorMessage);
            }
            send(exchange, status, requestId, response);
        } catch (IOException e) {
            // The client went away or the request timed out: there is no one left to answer.
            status = 0;
            errorType = errorType == null ? "ConnectionClosed" : errorType;
            errorMessage = e.getMessage();
        }
        notifyListeners(new ServerCall(requestId, receivedAt, progress.operation, progress.accessKeyId,
                progress.principalArn, status, errorType, errorMessage, (System.nanoTime() - started) / 1000,
                String.valueOf(exchange.getRemoteAddress())));
    }

    private byte[] process(HttpExchange exchange, Progress progress) throws IOException {
        byte[] body = BoundedBody.read(exchange.getRequestBody(),
                exchange.getRequestHeaders().getFirst("Content-Length"), config.maxBodyBytes());
        String method = exchange.getRequestMethod();
        SigV4.HeaderValues headers = name -> exchange.getRequestHeaders().get(name);
        SigV4Verifier.Verified verified;
        try {
            verified = verifier.verifyScoped(new SigV4Verifier.SignedRequest(method,
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers, body));
        } catch (WireError refused) {
            // Refused before authentication: audited as STS audits its own (see UnauthenticatedCalls).
            UnauthenticatedCalls.record(engines, regions, headers,
                    exchange.getRequestHeaders().getFirst("X-Amz-Target"), progress.requestId, refused);
            throw refused;
        }
        Credential credential = verified.credential();
        progress.accessKeyId = credential.accessKeyId();
        progress.principalArn = credential.principalArn();
        String name = operationName(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
        progress.operation = name;
        if (!"POST".equals(method)) {
            throw new WireError(400, "UnknownOperationException", "AWS JSON operations are sent with POST, not "
                    + method.toUpperCase(Locale.ROOT) + ".");
        }
        TokenBuckets limits = rateLimits;
        if (limits != null && !limits.tryAcquire(credential.accessKeyId())) {
            throw Throttling.refuse(engines.apply(verified.region()), credential, name, progress.requestId,
                    limits.limit());
        }
        Operation operation = operations.find(name).orElseThrow(() -> OperationTable.AWS_KMS_OPERATIONS.contains(name)
                ? new UnsupportedOperationException("KMS Lab does not implement " + name + " yet.")
                : WireError.unknownOperation(TARGET_PREFIX + name));
        JsonInput input = new JsonInput(parse(body));
        CallerContext caller = OperationTable.dryRunAware(name, input,
                config.callerMapper().callerFor(credential, input.stringList("GrantTokens")))
                .withAccessKeyId(credential.accessKeyId());
        // sized for the common answers (an Encrypt of 1 KiB answers ~1.6 KB), so the buffer rarely grows
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.writeStartObject();
            operation.invoke(router.engine(verified.region(), credential.principalArn(), input), caller, input,
                    generator);
            generator.writeEndObject();
        }
        return out.toByteArray();
    }

    private static String operationName(String target) {
        if (target == null || target.isBlank()) {
            throw new WireError(400, "UnknownOperationException", "Missing X-Amz-Target header: expected "
                    + TARGET_PREFIX + "<Operation>.");
        }
        if (!target.startsWith(TARGET_PREFIX) || target.length() == TARGET_PREFIX.length()) {
            throw WireError.unknownOperation(shorten(target));
        }
        return target.substring(TARGET_PREFIX.length());
    }

    private static ObjectNode parse(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // The parser's own message may quote a fragment of the body (which can be plaintext): report where only.
            throw WireError.serialization("The request body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        } catch (IOException e) {
            throw WireError.serialization("The request body could not be read as JSON.");
        }
        if (node == null || node.isMissingNode()) {
            return JSON.createObjectNode();
        }
        if (!node.isObject()) {
            throw WireError.serialization("The request body must be a JSON object, not "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
        }
        return (ObjectNode) node;
    }

    private static byte[] errorBody(String type, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("__type", type);
            generator.writeStringField("message", message == null ? "" : message);
            generator.writeEndObject();
        } catch (IOException e) {
            return EMPTY;
        }
        return out.toByteArray();
    }

    private static void send(HttpExchange exchange, int status, String requestId, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void notifyListeners(ServerCall call) {
        for (ServerCallListener listener : listeners) {
            try {
                listener.onCall(call);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "server call listener failed", e);
            }
        }
    }

    private static String shorten(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }
}
