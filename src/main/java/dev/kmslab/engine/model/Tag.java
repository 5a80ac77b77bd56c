package dev.kmslab.engine.model;

/** A resource tag; keys 1–128 characters, values 0–256. */
public record Tag(String tagKey, String tagValue) {
}
