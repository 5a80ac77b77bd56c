package dev.kmslab.server;

import com.sun.net.httpserver.HttpExchange;
import dev.kmslab.server.auth.SigV4Verifier;
import dev.kmslab.server.error.WireError;
import dev.kmslab.server.sts.StsEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.function.Consumer;

/** The HTTP side of STS on the endpoint's port: reads the bounded body, lets {@link StsEndpoint} answer, sends XML. */
final class StsBridge {

    private final StsEndpoint sts;
    private final int maxBodyBytes;

    StsBridge(StsEndpoint sts, int maxBodyBytes) {
        this.sts = sts;
        this.maxBodyBytes = maxBodyBytes;
    }

    static boolean accepts(HttpExchange exchange) {
        return StsEndpoint.isQueryRequest(exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                exchange.getRequestHeaders().getFirst("Content-Type"));
    }

    void handle(HttpExchange exchange, Consumer<ServerCall> listeners) {
        long started = System.nanoTime();
        Instant receivedAt = Instant.now();
        String requestId = RequestIds.next();
        StsEndpoint.Answer answer;
        int status;
        try (exchange) {
            try {
                byte[] body = BoundedBody.read(exchange.getRequestBody(),
                        exchange.getRequestHeaders().getFirst("Content-Length"), maxBodyBytes);
                answer = sts.handle(new SigV4Verifier.SignedRequest(exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                        name -> exchange.getRequestHeaders().get(name), body), requestId);
            } catch (WireError e) {
                answer = StsEndpoint.refused(e, requestId);
            }
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
            status = answer.status();
        } catch (IOException e) {
            answer = new StsEndpoint.Answer(0, new byte[0], null, null, null, "ConnectionClosed", e.getMessage());
            status = 0;
        }
        listeners.accept(new ServerCall(requestId, receivedAt, answer.action() == null ? null
                : "sts:" + answer.action(), answer.accessKeyId(), answer.principalArn(), status, answer.errorCode(),
                answer.errorMessage(), (System.nanoTime() - started) / 1000,
                String.valueOf(exchange.getRemoteAddress())));
    }
}
