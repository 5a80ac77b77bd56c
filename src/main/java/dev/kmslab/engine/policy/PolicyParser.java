package dev.kmslab.engine.policy;

import dev.kmslab.engine.policy.LocatedJson.ArrayNode;
import dev.kmslab.engine.policy.LocatedJson.Member;
import dev.kmslab.engine.policy.LocatedJson.Node;
import dev.kmslab.engine.policy.LocatedJson.ObjectNode;
import dev.kmslab.engine.policy.LocatedJson.ScalarNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses key policies and IAM identity policies into a compiled {@link PolicyDocument}, or throws a
 * {@link PolicyValidationException} naming the JSON path, line, column and reason of the first fault found.
 * Accepts the single-value and array forms of Statement, Principal values, Action, Resource and condition values,
 * as AWS does.
 */
public final class PolicyParser {

    /** The key policy size limit, 32 KB, counted in UTF-8 bytes. */
    public static final int MAX_POLICY_BYTES = 32 * 1024;

    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");

    private final PolicyKind kind;

    private PolicyParser(PolicyKind kind) {
        this.kind = kind;
    }

    /** Parses a key policy. */
    public static PolicyDocument parse(String json) {
        return parse(json, PolicyKind.KEY_POLICY);
    }

    /** Parses a role trust policy (AssumeRolePolicyDocument): Principal, sts actions, no Resource. */
    public static PolicyDocument parseTrustPolicy(String json) {
        return parse(json, PolicyKind.TRUST_POLICY);
    }

    /** Parses an IAM identity policy (no Principal; Resource names keys by ARN, wildcards allowed). */
    public static PolicyDocument parseIdentityPolicy(String json) {
        return parse(json, PolicyKind.IDENTITY_POLICY);
    }

    public static PolicyDocument parse(String json, PolicyKind kind) {
        if (json == null) {
            throw new PolicyValidationException("", 1, 1, "the policy is missing");
        }
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_POLICY_BYTES) {
            throw new PolicyValidationException("", 1, 1,
                    "the policy is " + bytes + " bytes; the limit is " + MAX_POLICY_BYTES + " bytes (32 KB)");
        }
        Node root = LocatedJson.read(json);
        return new PolicyParser(kind).document(root, json);
    }

    private PolicyDocument document(Node root, String json) {
        ObjectNode doc = object(root, "", "the policy must be a JSON object");
        String version = null;
        String id = null;
        Member statementMember = null;
        for (Member m : doc.members()) {
            if (!TOP_LEVEL.contains(m.name())) {
                throw fail(m.name(), m.namePosition(), "unknown top-level element \"" + m.name()
                        + "\"; a policy has Version, Id and Statement");
            }
            switch (m.name()) {
                case "Version" -> {
                    version = string(m.value(), "Version");
                    if (!VERSIONS.contains(version)) {
                        throw fail("Version", m.value().position(),
                                "Version must be \"2012-10-17\" (or the older \"2008-10-17\"), not \""
                                        + version + "\"");
                    }
                }
                case "Id" -> id = string(m.value(), "Id");
                default -> statementMember = m;
            }
        }
        if (statementMember == null) {
            throw fail("", doc.position(), "the policy has no Statement");
        }
        List<Statement> statements = new ArrayList<>();
        Node value = statementMember.value();
        if (value instanceof ArrayNode array) {
            if (array.items().isEmpty()) {
                throw fail("Statement", array.position(), "Statement must not be empty");
            }
            for (int i = 0; i < array.items().size(); i++) {
                statements.add(statement(array.items().get(i), "Statement[" + i + "]", i));
            }
        } else {
            statements.add(statement(value, "Statement", 0));
        }
        return new PolicyDocument(kind, version, id, statements, json);
    }

    private Statement statement(Node node, String path, int index) {
        ObjectNode st = object(node, path, "a statement must be a JSON object");
        for (Member m : st.members()) {
            if (!STATEMENT_ELEMENTS.contains(m.name())) {
                throw fail(path + "." + m.name(), m.namePosition(),
                        "unknown statement element \"" + m.name() + "\"");
            }
        }
        String sid = st.get("Sid") == null ? null : string(st.get("Sid").value(), path + ".Sid");
        Effect effect = effect(st, path);
        PrincipalElement principal = principal(st, path);
        ActionElement action = action(st, path);
        ResourceElement resource = resource(st, path);
        List<ConditionClause> conditions = st.get("Condition") == null ? List.of()
                : conditions(st.get("Condition").value(), path + ".Condition");
        return new Statement(index, sid, effect, principal, action, resource, conditions, st.position());
    }

    private Effect effect(ObjectNode st, String path) {
        Member m = st.get("Effect");
        if (m == null) {
            throw fail(path, st.position(), "the statement has no Effect");
        }
        String value = string(m.value(), path + ".Effect");
        for (Effect e : Effect.values()) {
            if (e.json().equals(value)) {
                return e;
            }
        }
        throw fail(path + ".Effect", m.value().position(),
                "Effect must be \"Allow\" or \"Deny\", not \"" + value + "\"");
    }

    private PrincipalElement principal(ObjectNode st, String path) {
        Member p = st.get("Principal");
        Member np = st.get("NotPrincipal");
        if (kind == PolicyKind.IDENTITY_POLICY) {
            Member present = p != null ? p : np;
            if (present != null) {
                throw fail(path + "." + present.name(), present.namePosition(),
                        "an IAM identity policy must not name a " + present.name() + "; it applies to its holder");
            }
            return null;
        }
        if (p != null && np != null) {
            throw fail(path + ".NotPrincipal", np.namePosition(),
                    "a statement has Principal or NotPrincipal, not both");
        }
        if (p == null && np == null) {
            throw fail(path, st.position(), "the statement has no Principal");
        }
        if (np != null && st.get("Effect") != null && "Allow".equals(text(st.get("Effect").value()))) {
            throw fail(path + ".NotPrincipal", np.namePosition(),
                    "NotPrincipal may only be used with \"Effect\": \"Deny\"");
        }
        Member m = p != null ? p : np;
        return principalValue(m.value(), path + "." + m.name(), np != null);
    }

    private PrincipalElement principalValue(Node node, String path, boolean negated) {
        if (node instanceof ScalarNode s && s.isString() && "*".equals(s.text())) {
            return PrincipalElement.anyone(negated, node.position());
        }
        ObjectNode obj = object(node, path, "a principal is \"*\" or an object with AWS or Service");
        if (obj.members().isEmpty()) {
            throw fail(path, obj.position(), "the principal names nobody");
        }
        List<String> aws = new ArrayList<>();
        List<String> services = new ArrayList<>();
        for (Member m : obj.members()) {
            String memberPath = path + "." + m.name();
            switch (m.name()) {
                case "AWS" -> {
                    for (Located v : strings(m.value(), memberPath)) {
                        aws.add(awsPrincipal(v));
                    }
                }
                case "Service" -> {
                    for (Located v : strings(m.value(), memberPath)) {
                        if (!Principals.isServiceName(v.text())) {
                            throw fail(v.path(), v.position(), "\"" + v.text()
                                    + "\" is not a service principal such as s3.amazonaws.com");
                        }
                        services.add(v.text());
                    }
                }
                default -> throw fail(memberPath, m.namePosition(), "unsupported principal type \"" + m.name()
                        + "\"; KMS Lab models AWS and Service principals");
            }
        }
        return new PrincipalElement(negated, false, aws, services, obj.position());
    }

    private String awsPrincipal(Located v) {
        if ("*".equals(v.text())) {
            return v.text();
        }
        Principal parsed;
        try {
            parsed = Principals.parse(v.text());
        } catch (IllegalArgumentException e) {
            throw fail(v.path(), v.position(), "invalid principal: " + e.getMessage());
        }
        if (parsed instanceof ServicePrincipal || parsed instanceof AnonymousPrincipal) {
            throw fail(v.path(), v.position(), "\"" + v.text() + "\" is a service; list it under Service");
        }
        return v.text();
    }

    private ActionElement action(ObjectNode st, String path) {
        Member m = pick(st, path, "Action", "NotAction");
        String memberPath = path + "." + m.name();
        List<String> patterns = new ArrayList<>();
        for (Located v : strings(m.value(), memberPath)) {
            boolean sts = StsActions.isStsPattern(v.text());
            if (kind == PolicyKind.TRUST_POLICY && !sts) {
                throw fail(v.path(), v.position(), "\"" + v.text() + "\" is not an sts action: a role trust policy "
                        + "allows sts:AssumeRole");
            }
            if (kind != PolicyKind.TRUST_POLICY && KmsActions.maskOf(v.text()) == 0
                    && !(kind == PolicyKind.IDENTITY_POLICY && sts)) {
                throw fail(v.path(), v.position(), "\"" + v.text() + "\" matches no KMS action");
            }
            patterns.add(v.text());
        }
        return ActionElement.of("NotAction".equals(m.name()), patterns, m.value().position());
    }

    private ResourceElement resource(ObjectNode st, String path) {
        if (kind == PolicyKind.TRUST_POLICY) {
            Member given = st.get("Resource") != null ? st.get("Resource") : st.get("NotResource");
            if (given != null) {
                throw fail(path + "." + given.name(), given.namePosition(), "a role trust policy has no "
                        + given.name() + ": it applies to its role");
            }
            return ResourceElement.of(false, List.of("*"), st.position());
        }
        Member m = pick(st, path, "Resource", "NotResource");
        String memberPath = path + "." + m.name();
        if (kind == PolicyKind.KEY_POLICY && "NotResource".equals(m.name())) {
            throw fail(memberPath, m.namePosition(), "a key policy uses Resource \"*\", not NotResource");
        }
        List<String> patterns = new ArrayList<>();
        for (Located v : strings(m.value(), memberPath)) {
            if (kind == PolicyKind.KEY_POLICY && !"*".equals(v.text())) {
                throw fail(v.path(), v.position(),
                        "in a key policy Resource must be \"*\" (the key the policy is attached to), not \""
                                + v.text() + "\"");
            }
            patterns.add(v.text());
        }
        return ResourceElement.of("NotResource".equals(m.name()), patterns, m.value().position());
    }

    private Member pick(ObjectNode st, String path, String name, String notName) {
        Member m = st.get(name);
        Member not = st.get(notName);
        if (m != null && not != null) {
            throw fail(path + "." + notName, not.namePosition(), "a statement has " + name + " or " + notName
                    + ", not both");
        }
        if (m == null && not == null) {
            throw fail(path, st.position(), "the statement has no " + name);
        }
        return m != null ? m : not;
    }

    private List<ConditionClause> conditions(Node node, String path) {
        ObjectNode block = object(node, path, "Condition must be an object of operators");
        List<ConditionClause> clauses = new ArrayList<>();
        for (Member op : block.members()) {
            String opPath = path + "." + op.name();
            ObjectNode keys = object(op.value(), opPath, "a condition operator takes an object of condition keys");
            if (keys.members().isEmpty()) {
                throw fail(opPath, keys.position(), "the condition operator has no keys");
            }
            for (Member key : keys.members()) {
                String keyPath = opPath + "." + key.name();
                if (key.name().indexOf(':') <= 0) {
                    throw fail(keyPath, key.namePosition(), "\"" + key.name()
                            + "\" is not a condition key such as kms:ViaService or aws:PrincipalArn");
                }
                List<String> values = new ArrayList<>();
                for (Located v : conditionValues(key.value(), keyPath)) {
                    values.add(v.text());
                }
                try {
                    clauses.add(ConditionClause.of(op.name(), key.name(), values, key.namePosition()));
                } catch (IllegalArgumentException e) {
                    boolean badOperator = e.getMessage().startsWith("unknown condition operator")
                            || e.getMessage().startsWith("the Null operator");
                    throw badOperator ? fail(opPath, op.namePosition(), e.getMessage())
                            : fail(keyPath, key.value().position(), e.getMessage());
                }
            }
        }
        return clauses;
    }

    private List<Located> conditionValues(Node node, String path) {
        List<Located> out = new ArrayList<>();
        if (node instanceof ArrayNode array) {
            if (array.items().isEmpty()) {
                throw fail(path, array.position(), "the condition key has no values");
            }
            for (int i = 0; i < array.items().size(); i++) {
                out.add(conditionScalar(array.items().get(i), path + "[" + i + "]"));
            }
        } else {
            out.add(conditionScalar(node, path));
        }
        return out;
    }

    private Located conditionScalar(Node node, String path) {
        if (node instanceof ScalarNode s && s.text() != null) {
            return new Located(s.text(), path, s.position());
        }
        throw fail(path, node.position(), "a condition value is a string, number or boolean");
    }

    /** A string or a non-empty array of strings, with the path and position of each value. */
    private List<Located> strings(Node node, String path) {
        List<Located> out = new ArrayList<>();
        if (node instanceof ArrayNode array) {
            if (array.items().isEmpty()) {
                throw fail(path, array.position(), "the list must not be empty");
            }
            for (int i = 0; i < array.items().size(); i++) {
                String itemPath = path + "[" + i + "]";
                Node item = array.items().get(i);
                out.add(new Located(string(item, itemPath), itemPath, item.position()));
            }
        } else {
            out.add(new Located(string(node, path), path, node.position()));
        }
        return out;
    }

    private static String text(Node node) {
        return node instanceof ScalarNode s ? s.text() : null;
    }

    private String string(Node node, String path) {
        if (node instanceof ScalarNode s && s.isString()) {
            return s.text();
        }
        throw fail(path, node.position(), "expected a string");
    }

    private ObjectNode object(Node node, String path, String reason) {
        if (node instanceof ObjectNode obj) {
            return obj;
        }
        throw fail(path, node.position(), reason);
    }

    private static PolicyValidationException fail(String path, SourcePosition at, String reason) {
        return new PolicyValidationException(path, at, reason);
    }

    /** A string value with where it came from. */
    private record Located(String text, String path, SourcePosition position) {
    }
}
