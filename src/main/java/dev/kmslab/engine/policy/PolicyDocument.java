package dev.kmslab.engine.policy;

import java.util.List;

/**
 * A parsed, validated and compiled policy document.
 *
 * @param version the Version element, or null when absent
 * @param id      the Id element, or null
 * @param source  the JSON text it was parsed from, kept verbatim: GetKeyPolicy returns what PutKeyPolicy stored
 */
public record PolicyDocument(PolicyKind kind, String version, String id, List<Statement> statements, String source) {

    public PolicyDocument {
        statements = List.copyOf(statements);
    }
}
