package dev.kmslab.study.labs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.study.quiz.Track;
import dev.kmslab.study.quiz.TrackCatalog;
import dev.kmslab.study.quiz.load.Fields;
import dev.kmslab.study.quiz.load.FileProblems;
import dev.kmslab.study.quiz.load.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates one lab file; every problem goes to {@link FileProblems} with its JSON path. */
final class LabReader {

    /** Where the sandbox clock starts unless the lab says otherwise: a fixed instant keeps labs repeatable. */
    static final Instant DEFAULT_CLOCK = Instant.parse("2026-03-02T09:00:00Z");

    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern HEX_256 = Pattern.compile("^[0-9a-fA-F]{64}$");
    private static final Set<String> TOP_LEVEL = Set.of("id", "title", "tracks", "domains", "topics", "concepts",
            "scenario", "simulationNote", "start", "steps", "checks", "solution");
    private static final Set<String> START = Set.of("clock", "grantPropagationSeconds", "materials", "principals",
            "customKeyStores", "keys", "grants", "actions");

    private final TrackCatalog tracks;
    private final Set<String> conceptIds;
    private final FileProblems problems;
    private final Fields fields;
    private final String source;
    // Names the lab defines anywhere: operations and checks may only refer to these.
    private final Set<String> keyNames = new HashSet<>();
    private final Set<String> saved = new HashSet<>();
    private final Set<String> grantNames = new HashSet<>();
    private final Set<String> storeNames = new HashSet<>();
    private final Set<String> materialNames = new HashSet<>();

    LabReader(TrackCatalog tracks, Set<String> conceptIds, FileProblems problems, String source) {
        this.tracks = tracks;
        this.conceptIds = conceptIds;
        this.problems = problems;
        this.fields = new Fields(problems);
        this.source = source;
    }

    Optional<Lab> read(JsonNode root) {
        JsonPath at = JsonPath.root();
        unknownMembers(root, at, TOP_LEVEL);
        String id = fields.text(root, at, "id");
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(at.field("id"), "\"" + id + "\" is not a lab id; expected lower-case words joined by "
                    + "hyphens, e.g. \"least-privilege-key-policy\"");
        }
        String title = fields.text(root, at, "title");
        List<String> trackIds = trackList(root, at);
        List<LabDomain> domains = domains(root, at, trackIds);
        List<String> topics = topics(root, at);
        List<String> concepts = concepts(root, at);
        String scenario = fields.text(root, at, "scenario");
        Optional<String> note = root.has("simulationNote")
                ? Optional.ofNullable(fields.textValue(root.get("simulationNote"), at.field("simulationNote")))
                : Optional.empty();
        collectNames(root);
        LabStart start = start(root.get("start"), at.field("start"));
        List<LabStep> steps = steps(root, at);
        List<LabCheck> checks = checks(root, at);
        LabSolution solution = solution(root.get("solution"), at.field("solution"));
        if (problems.count() > 0) {
            return Optional.empty();
        }
        return Optional.of(new Lab(id, title, trackIds, domains, topics, concepts, scenario, note, start, steps,
                checks, solution, source));
    }

    // ---- identity ----

    private List<String> trackList(JsonNode root, JsonPath at) {
        List<String> ids = fields.textList(root, at, "tracks");
        if (ids == null) {
            return List.of();
        }
        for (int i = 0; i < ids.size(); i++) {
            if (tracks.track(ids.get(i)).isEmpty()) {
                problems.add(at.field("tracks").index(i), "unknown track \"" + ids.get(i) + "\"; expected one of "
                        + tracks.tracks().stream().map(Track::id).toList());
            }
        }
        return ids;
    }

    private List<LabDomain> domains(JsonNode root, JsonPath at, List<String> trackIds) {
        JsonNode array = fields.objectArray(root, at, "domains", 1);
        List<LabDomain> out = new ArrayList<>();
        if (array == null) {
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonPath p = at.field("domains").index(i);
            JsonNode d = array.get(i);
            unknownMembers(d, p, Set.of("track", "domain"));
            String track = fields.text(d, p, "track");
            String domain = fields.text(d, p, "domain");
            if (track == null || domain == null) {
                continue;
            }
            if (!trackIds.contains(track)) {
                problems.add(p.field("track"), "track \"" + track + "\" is not in this lab's \"tracks\"");
                continue;
            }
            tracks.track(track).ifPresent(t -> {
                if (t.domain(domain).isEmpty()) {
                    problems.add(p.field("domain"), "\"" + domain + "\" is not a domain of " + track
                            + "; expected one of " + t.domains().stream().map(x -> x.name()).toList());
                }
            });
            out.add(new LabDomain(track, domain));
        }
        return out;
    }

    private List<String> topics(JsonNode root, JsonPath at) {
        List<String> ids = fields.textList(root, at, "topics");
        if (ids == null) {
            return List.of();
        }
        for (int i = 0; i < ids.size(); i++) {
            if (tracks.topic(ids.get(i)).isEmpty()) {
                problems.add(at.field("topics").index(i), "unknown topic \"" + ids.get(i) + "\"; topics are listed "
                        + "in content/tracks.json");
            }
        }
        return ids;
    }

    private List<String> concepts(JsonNode root, JsonPath at) {
        if (!root.has("concepts")) {
            return List.of();
        }
        List<String> ids = fields.textList(root, at, "concepts");
        if (ids == null) {
            return List.of();
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!conceptIds.isEmpty() && !conceptIds.contains(ids.get(i))) {
                problems.add(at.field("concepts").index(i), "unknown concept page \"" + ids.get(i)
                        + "\"; expected one of " + new java.util.TreeSet<>(conceptIds));
            }
        }
        return ids;
    }

    // ---- names defined anywhere in the lab ----

    private void collectNames(JsonNode root) {
        JsonNode start = root.path("start");
        start.path("keys").forEach(k -> addText(keyNames, k.get("name")));
        start.path("grants").forEach(g -> addText(grantNames, g.get("name")));
        start.path("customKeyStores").forEach(s -> addText(storeNames, s));
        start.path("materials").fieldNames().forEachRemaining(materialNames::add);
        List<JsonNode> ops = new ArrayList<>();
        start.path("actions").forEach(ops::add);
        root.path("solution").path("operations").forEach(ops::add);
        for (JsonNode op : ops) {
            String name = op.path("op").asText();
            if (name.equals("CreateKey")) {
                addText(keyNames, op.get("name"));
            } else if (name.equals("CreateGrant")) {
                addText(grantNames, op.get("name"));
            } else if (name.equals("CreateCustomKeyStore")) {
                addText(storeNames, op.get("store"));
            }
            addText(saved, op.get("saveAs"));
        }
    }

    private static void addText(Set<String> into, JsonNode value) {
        if (value != null && value.isTextual() && !value.asText().isBlank()) {
            into.add(value.asText());
        }
    }

    // ---- start ----

    private LabStart start(JsonNode node, JsonPath at) {
        if (node == null || !node.isObject()) {
            problems.add(at, node == null ? "missing; expected an object with the starting state"
                    : "expected an object, found " + Fields.kind(node));
            return null;
        }
        unknownMembers(node, at, START);
        Instant clock = DEFAULT_CLOCK;
        if (node.has("clock")) {
            String text = fields.textValue(node.get("clock"), at.field("clock"));
            if (text != null) {
                try {
                    clock = Instant.parse(text);
                } catch (DateTimeParseException e) {
                    problems.add(at.field("clock"), "\"" + text + "\" is not an instant; expected e.g. "
                            + "\"2026-03-02T09:00:00Z\"");
                }
            }
        }
        Duration propagation = Duration.ZERO;
        if (node.has("grantPropagationSeconds")) {
            JsonNode v = node.get("grantPropagationSeconds");
            if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
                problems.add(at.field("grantPropagationSeconds"), "expected a whole number of seconds, 0 or more");
            } else {
                propagation = Duration.ofSeconds(v.asInt());
            }
        }
        Map<String, String> materials = materials(node.get("materials"), at.field("materials"));
        List<LabOperation> ops = new ArrayList<>();
        // Principals exist before the key policies that name them; their IAM policies are attached after the keys,
        // since they may name a key's ARN (${key:name}).
        List<LabOperation> identityPolicies = new ArrayList<>();
        principals(node.get("principals"), at.field("principals"), ops, identityPolicies);
        if (node.has("customKeyStores")) {
            List<String> stores = fields.textList(node, at, "customKeyStores");
            if (stores != null) {
                stores.forEach(s -> ops.add(new LabOperation("CreateCustomKeyStore", args(Map.of("store", s)))));
            }
        }
        implicitOps(node, at, "keys", "CreateKey", ops);
        ops.addAll(identityPolicies);
        implicitOps(node, at, "grants", "CreateGrant", ops);
        if (node.has("actions")) {
            JsonNode actions = fields.objectArray(node, at, "actions", 0);
            if (actions != null) {
                for (int i = 0; i < actions.size(); i++) {
                    operation(actions.get(i), at.field("actions").index(i)).ifPresent(ops::add);
                }
            }
        }
        return new LabStart(clock, propagation, materials, ops);
    }

    private Map<String, String> materials(JsonNode node, JsonPath at) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            problems.add(at, "expected an object of name: 64 hex digits, found " + Fields.kind(node));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual() || !HEX_256.matcher(e.getValue().asText()).matches()) {
                problems.add(at.field(e.getKey()), "expected 64 hex digits (256-bit symmetric key material)");
            } else {
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return out;
    }

    private void principals(JsonNode node, JsonPath at, List<LabOperation> ops, List<LabOperation> policyOps) {
        if (node == null) {
            return;
        }
        if (!node.isArray()) {
            problems.add(at, "expected an array of {\"principal\", \"policies\"} objects, found " + Fields.kind(node));
            return;
        }
        JsonNode array = node;
        if (array == null) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonPath p = at.index(i);
            JsonNode entry = array.get(i);
            if (!entry.isObject()) {
                problems.add(p, "expected an object, found " + Fields.kind(entry));
                continue;
            }
            unknownMembers(entry, p, Set.of("principal", "policies"));
            String principal = fields.text(entry, p, "principal");
            if (principal == null) {
                continue;
            }
            if (!PrincipalRef.valid(principal) || !PrincipalRef.isIamIdentity(principal)) {
                problems.add(p.field("principal"), "\"" + principal + "\" is not a role or user; expected "
                        + "role/Name, user/Name or 444455556666:role/Name");
                continue;
            }
            ops.add(new LabOperation("CreatePrincipal", args(Map.of("principal", principal))));
            JsonNode policies = entry.get("policies");
            if (policies == null) {
                continue;
            }
            if (!policies.isObject()) {
                problems.add(p.field("policies"), "expected an object of policy name: IAM policy");
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = policies.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isObject()) {
                    problems.add(p.field("policies").field(e.getKey()), "expected an IAM policy as a JSON object");
                    continue;
                }
                ObjectNode a = JsonNodeFactory.instance.objectNode();
                a.put("principal", principal);
                a.put("policyName", e.getKey());
                a.set("policy", e.getValue());
                policyOps.add(new LabOperation("AttachPolicy", new LabArgs(a)));
            }
        }
    }

    private static JsonNode wrap(String name, JsonNode node) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set(name, node);
        return o;
    }

    /** "keys" and "grants" are CreateKey and CreateGrant operations written without their "op". */
    private void implicitOps(JsonNode start, JsonPath at, String member, String op, List<LabOperation> ops) {
        if (!start.has(member)) {
            return;
        }
        JsonNode array = fields.objectArray(start, at, member, 0);
        if (array == null) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            ObjectNode copy = ((ObjectNode) array.get(i)).deepCopy();
            JsonPath p = at.field(member).index(i);
            if (copy.has("op")) {
                problems.add(p.field("op"), "entries of \"" + member + "\" are " + op + " operations; leave out "
                        + "\"op\"");
                continue;
            }
            copy.put("op", op);
            operation(copy, p).ifPresent(ops::add);
        }
    }

    // ---- operations and checks ----

    Optional<LabOperation> operation(JsonNode node, JsonPath at) {
        String name = fields.text(node, at, "op");
        if (name == null) {
            return Optional.empty();
        }
        LabSchema.Spec spec = LabSchema.OPERATIONS.get(name);
        if (spec == null) {
            problems.add(at.field("op"), "unknown operation \"" + name + "\"; expected one of "
                    + LabSchema.OPERATIONS.keySet());
            return Optional.empty();
        }
        int before = problems.count();
        members(node, at, spec, LabSchema.COMMON_OPERATION_FIELDS);
        if (problems.count() > before) {
            return Optional.empty();
        }
        ObjectNode args = ((ObjectNode) node).deepCopy();
        args.remove("op");
        return Optional.of(new LabOperation(name, new LabArgs(args)));
    }

    private List<LabCheck> checks(JsonNode root, JsonPath at) {
        JsonNode array = fields.objectArray(root, at, "checks", 1);
        List<LabCheck> out = new ArrayList<>();
        if (array == null) {
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonPath p = at.field("checks").index(i);
            JsonNode node = array.get(i);
            String id = fields.text(node, p, "id");
            String title = fields.text(node, p, "title");
            String type = fields.text(node, p, "type");
            if (id != null && !ids.add(id)) {
                problems.add(p.field("id"), "duplicate check id \"" + id + "\"");
            }
            if (type == null) {
                continue;
            }
            LabSchema.Spec spec = LabSchema.CHECKS.get(type);
            if (spec == null) {
                problems.add(p.field("type"), "unknown check type \"" + type + "\"; expected one of "
                        + LabSchema.CHECKS.keySet());
                continue;
            }
            members(node, p, spec, LabSchema.COMMON_CHECK_FIELDS);
            ObjectNode args = ((ObjectNode) node).deepCopy();
            args.remove(List.of("id", "title", "type"));
            out.add(new LabCheck(id, title, type, new LabArgs(args)));
        }
        return out;
    }

    /** Every member known, required ones present, each of the right kind, references to things the lab has. */
    private void members(JsonNode node, JsonPath at, LabSchema.Spec spec, Map<String, LabSchema.Field> common) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String member = it.next();
            if (!spec.fields().containsKey(member) && !common.containsKey(member)) {
                List<String> known = new ArrayList<>(spec.fields().keySet());
                common.keySet().stream().filter(k -> !known.contains(k)).forEach(known::add);
                problems.add(at.field(member), "unknown member for " + spec.name() + "; expected " + known);
            }
        }
        Map<String, LabSchema.Field> all = new LinkedHashMap<>(common);
        all.putAll(spec.fields());
        for (Map.Entry<String, LabSchema.Field> e : all.entrySet()) {
            JsonNode value = node.get(e.getKey());
            JsonPath p = at.field(e.getKey());
            if (value == null || value.isNull()) {
                if (e.getValue().required()) {
                    problems.add(p, "missing; expected " + describe(e.getValue()));
                }
                continue;
            }
            value(value, p, e.getKey(), e.getValue());
        }
        if (spec.name().equals("AdvanceClock") && !node.has("days") && !node.has("hours")) {
            problems.add(at, "AdvanceClock needs \"days\" or \"hours\"");
        }
    }

    private void value(JsonNode value, JsonPath p, String member, LabSchema.Field field) {
        switch (field.kind()) {
            case TEXT, CHOICE -> {
                String text = fields.textValue(value, p);
                if (text == null) {
                    return;
                }
                if (field.kind() == LabSchema.Kind.CHOICE && !field.choices().contains(text)) {
                    problems.add(p, "\"" + text + "\" is not allowed; expected one of " + field.choices());
                } else if (member.equals("region") || member.endsWith("Region")) {
                    region(text, p);
                } else if (Set.of("ciphertext", "signature", "mac").contains(member) && !saved.contains(text)) {
                    problems.add(p, "no operation saves \"" + text + "\"; add \"saveAs\": \"" + text + "\" to the "
                            + "operation that makes it");
                } else if (member.equals("grant") && !grantNames.contains(text)) {
                    problems.add(p, "no grant is named \"" + text + "\"; give CreateGrant a \"name\"");
                } else if ((member.equals("store") || member.equals("customKeyStore")) && !storeNames.contains(text)
                        && !p.toString().endsWith("customKeyStores")) {
                    problems.add(p, "no custom key store is named \"" + text + "\"; list it in "
                            + "start.customKeyStores");
                } else if (member.equals("material") && !materialNames.contains(text)) {
                    problems.add(p, "no key material is named \"" + text + "\"; add it to start.materials");
                }
            }
            case INT -> {
                if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                    problems.add(p, "expected a whole number, found " + Fields.kind(value));
                }
            }
            case BOOL -> {
                if (!value.isBoolean()) {
                    problems.add(p, "expected true or false, found " + Fields.kind(value));
                }
            }
            case STRINGS -> strings(value, p);
            case POLICY -> {
                if (!value.isObject() || !value.has("Statement")) {
                    problems.add(p, "expected a policy as a JSON object with \"Version\" and \"Statement\"");
                }
            }
            case LIST -> {
                if (!value.isArray()) {
                    problems.add(p, "expected an array of strings, found " + Fields.kind(value));
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    String text = fields.textValue(value.get(i), p.index(i));
                    if (text != null && member.equals("grantTokens") && !grantNames.contains(text)) {
                        problems.add(p.index(i), "grant tokens are named by their grant; no grant is named \""
                                + text + "\"");
                    } else if (text != null && member.equals("replicaRegions")) {
                        region(text, p.index(i));
                    }
                }
            }
            case KEY -> {
                String text = fields.textValue(value, p);
                if (text != null && !text.startsWith("alias/") && !keyNames.contains(text)) {
                    problems.add(p, "no key is named \"" + text + "\"; expected one of " + new java.util.TreeSet<>(
                            keyNames) + " or an alias/...");
                }
            }
            case PRINCIPAL -> {
                String text = fields.textValue(value, p);
                if (text != null && !PrincipalRef.valid(text)) {
                    problems.add(p, "\"" + text + "\" is not a principal; expected root, role/Name, user/Name, "
                            + "444455556666:role/Name, a service such as s3.amazonaws.com, or an ARN");
                }
            }
            case CONSTRAINTS -> {
                if (!value.isObject()) {
                    problems.add(p, "expected {\"encryptionContextSubset\": {...}} or "
                            + "{\"encryptionContextEquals\": {...}}");
                    return;
                }
                unknownMembers(value, p, Set.of("encryptionContextSubset", "encryptionContextEquals"));
                value.fields().forEachRemaining(e -> strings(e.getValue(), p.field(e.getKey())));
            }
            default -> throw new IllegalStateException("unhandled kind " + field.kind());
        }
    }

    private void region(String text, JsonPath p) {
        if (!KmsRegions.LAB_REGIONS.contains(text)) {
            problems.add(p, "\"" + text + "\" is not a Region the lab simulates; expected one of "
                    + KmsRegions.LAB_REGIONS);
        }
    }

    private void strings(JsonNode value, JsonPath p) {
        if (!value.isObject()) {
            problems.add(p, "expected an object of string values, found " + Fields.kind(value));
            return;
        }
        value.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                problems.add(p.field(e.getKey()), "expected a string, found " + Fields.kind(e.getValue()));
            }
        });
    }

    private static String describe(LabSchema.Field field) {
        return switch (field.kind()) {
            case TEXT -> "a non-blank string";
            case INT -> "a whole number";
            case BOOL -> "true or false";
            case STRINGS -> "an object of string values";
            case POLICY -> "a policy as a JSON object";
            case LIST -> "an array of strings";
            case KEY -> "the name of a key in this lab";
            case PRINCIPAL -> "a principal such as role/Name";
            case CONSTRAINTS -> "grant constraints";
            case CHOICE -> "one of " + field.choices();
        };
    }

    // ---- steps and solution ----

    private List<LabStep> steps(JsonNode root, JsonPath at) {
        JsonNode array = fields.objectArray(root, at, "steps", 1);
        List<LabStep> out = new ArrayList<>();
        if (array == null) {
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonPath p = at.field("steps").index(i);
            JsonNode node = array.get(i);
            unknownMembers(node, p, Set.of("text", "hints"));
            String text = fields.text(node, p, "text");
            List<String> hints = node.has("hints") ? fields.textList(node, p, "hints") : List.of();
            out.add(new LabStep(text, hints == null ? List.of() : hints));
        }
        return out;
    }

    private LabSolution solution(JsonNode node, JsonPath at) {
        if (node == null || !node.isObject()) {
            problems.add(at, node == null ? "missing; expected {\"explanation\": ..., \"operations\": [...]}"
                    : "expected an object, found " + Fields.kind(node));
            return null;
        }
        unknownMembers(node, at, Set.of("explanation", "operations"));
        String explanation = fields.text(node, at, "explanation");
        JsonNode array = fields.objectArray(node, at, "operations", 1);
        List<LabOperation> ops = new ArrayList<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                operation(array.get(i), at.field("operations").index(i)).ifPresent(ops::add);
            }
        }
        return new LabSolution(explanation, ops);
    }

    private void unknownMembers(JsonNode node, JsonPath at, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                problems.add(at.field(name), "unknown member; expected " + new java.util.TreeSet<>(known));
            }
        }
    }

    private static LabArgs args(Map<String, String> values) {
        return LabArgs.of(values);
    }
}
