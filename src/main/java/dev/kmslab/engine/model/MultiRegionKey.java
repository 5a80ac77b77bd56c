package dev.kmslab.engine.model;

/** One member of a multi-Region key set: its ARN and its Region. */
public record MultiRegionKey(String arn, String region) {
}
