package dev.kmslab.engine.model;

/** GenerateRandom; numberOfBytes 1–1024. */
public record GenerateRandomRequest(Integer numberOfBytes) {
}
