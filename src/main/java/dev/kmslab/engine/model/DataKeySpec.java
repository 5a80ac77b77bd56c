package dev.kmslab.engine.model;

/** Length of a data key from GenerateDataKey. Constant names are the AWS wire values. */
public enum DataKeySpec {
    AES_256, AES_128
}
