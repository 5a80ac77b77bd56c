/**
 * The call pipeline every operation goes through and what all areas share: {@code EngineCore} (configuration, state
 * store, call gate, linked Regions), the call gate that audits and authorizes, key resolution, the key-state table,
 * paging, audit parameters, the Region peers and due work, and helpers several areas need (multi-Region key lookups,
 * HSM-backed keys, imported-material expiry, new-key rules). Depends on {@code authz}, never on an area.
 */
package dev.kmslab.engine.core;
