package dev.kmslab.engine.model;

/**
 * UpdatePrimaryRegion, sent to the current primary key's Region: the replica in {@code primaryRegion} becomes the
 * primary and the current primary becomes its replica.
 */
public record UpdatePrimaryRegionRequest(String keyId, String primaryRegion) {
}
