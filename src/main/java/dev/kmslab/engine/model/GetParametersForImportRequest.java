package dev.kmslab.engine.model;

/** GetParametersForImport: an EXTERNAL key (key id or key ARN), the wrapping algorithm and wrapping key size. */
public record GetParametersForImportRequest(String keyId, AlgorithmSpec wrappingAlgorithm,
                                            WrappingKeySpec wrappingKeySpec) {
}
