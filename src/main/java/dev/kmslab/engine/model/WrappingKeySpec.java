package dev.kmslab.engine.model;

/** Size of the RSA wrapping key GetParametersForImport returns. Constant names are the AWS wire values. */
public enum WrappingKeySpec {
    RSA_2048(2048), RSA_3072(3072), RSA_4096(4096);

    private final int bits;

    WrappingKeySpec(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }
}
