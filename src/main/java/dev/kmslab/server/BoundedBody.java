package dev.kmslab.server;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body of at most {@code limit} bytes. A declared Content-Length above the limit is refused before
 * anything is read; a chunked body is read until it passes the limit, then refused. Reads block at most until the
 * server's request timeout closes the connection.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    static byte[] read(InputStream in, String contentLength, int limit) throws IOException {
        if (contentLength != null) {
            long declared;
            try {
                declared = Long.parseLong(contentLength.strip());
            } catch (NumberFormatException e) {
                throw WireError.serialization("Content-Length is not a number.");
            }
            if (declared > limit) {
                throw tooLarge(declared, limit);
            }
            byte[] body = in.readNBytes((int) Math.max(0, declared));
            if (body.length < declared) {
                throw new IOException("the client sent " + body.length + " of " + declared + " declared bytes");
            }
            return body;
        }
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw tooLarge(body.length, limit);
        }
        return body;
    }

    // Lambda, another AWS JSON service, answers an oversized payload this way; KMS documents no body limit of its own.
    private static WireError tooLarge(long size, int limit) {
        return new WireError(413, "RequestEntityTooLargeException", "Request body of " + (size > limit ? "more than "
                + limit : String.valueOf(size)) + " bytes exceeds the " + limit + "-byte limit of this endpoint.");
    }
}
