package dev.kmslab.server;

import dev.kmslab.server.error.WireError;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body of at most {@code limit} bytes; a larger one is refused with 413. An oversized body of up to
 * {@link #DISCARD_LIMIT} bytes is read and thrown away first: closing a connection that still has unread request bytes
 * makes TCP reset it, and the reset would destroy the 413 before the client reads it. Beyond that the connection is
 * simply closed. Reads block at most until the server's request timeout closes the connection.
 */
final class BoundedBody {

    static final long DISCARD_LIMIT = 8L * 1024 * 1024;

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
                if (declared <= DISCARD_LIMIT) {
                    in.skipNBytes(declared);
                }
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
            in.skip(DISCARD_LIMIT);
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
