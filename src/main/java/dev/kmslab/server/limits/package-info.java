/**
 * Request limits of the local endpoint: a token bucket per access key ({@link dev.kmslab.server.limits.TokenBuckets}),
 * so one caller's loop cannot starve a class sharing the server. Knows nothing of HTTP; the handler asks it.
 */
package dev.kmslab.server.limits;
