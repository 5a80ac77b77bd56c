/**
 * Who may use a key: key policy operations, grant operations (with which grant operations a key usage allows) and
 * the policy simulator. Uses only the pipeline ({@code core}) and {@code authz}.
 */
package dev.kmslab.engine.access;
