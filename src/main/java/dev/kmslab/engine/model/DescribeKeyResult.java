package dev.kmslab.engine.model;

/** DescribeKey. */
public record DescribeKeyResult(KeyMetadata keyMetadata) {
}
