/**
 * The in-process KMS engine's public face: {@link dev.kmslab.engine.KmsEngine} (one method per AWS KMS operation),
 * {@link dev.kmslab.engine.KmsRegions}, and the few types callers build or receive (configuration, caller, clocks,
 * scheduled events, request validation, the import wrapper). Requests and results are in {@code model}, errors in
 * {@code error}. Everything else of the engine is internal: the call pipeline ({@code core}), authorization
 * ({@code authz}) and one area package per group of operations; nothing above the engine reaches them, and nothing
 * inside them reaches back to the facade ({@code ArchitectureTest}).
 */
package dev.kmslab.engine;
