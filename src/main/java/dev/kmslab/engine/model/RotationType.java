package dev.kmslab.engine.model;

/** How a rotation of key material happened. Constant names are the AWS wire values. */
public enum RotationType {
    AUTOMATIC, ON_DEMAND
}
