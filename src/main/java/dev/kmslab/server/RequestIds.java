package dev.kmslab.server;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids shaped like AWS's (a version 4 UUID); unique, not secret, so no SecureRandom in the hot path. */
final class RequestIds {

    private RequestIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }
}
