package dev.kmslab.study.quiz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.study.quiz.load.BankFile;
import java.nio.charset.StandardCharsets;

/** Builds valid question JSON for tests and benchmarks; tests then break one thing at a time. */
public final class QuestionJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private QuestionJson() {
    }

    /** A valid single-answer SAA question whose correct option is {@code b}. */
    public static ObjectNode single(String id) {
        ObjectNode q = MAPPER.createObjectNode();
        q.put("id", id);
        q.putArray("tracks").add("SAA");
        q.putObject("domains").put("SAA", "Design Secure Architectures");
        q.putArray("topics").add("key-policies");
        q.put("type", "single");
        q.put("stem", "Scenario " + id + ": which policy must allow the other account?");
        ArrayNode options = q.putArray("options");
        option(options, "a", "An S3 bucket policy", "Wrong: bucket policies do not cover KMS keys.");
        option(options, "b", "The key policy", "Right: the key policy must allow the other account.");
        option(options, "c", "A service control policy", "Wrong: SCPs only restrict.");
        q.putArray("answer").add("b");
        q.putObject("reference").put("title", "Key policies")
                .put("url", "https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html");
        q.put("difficulty", "medium");
        return q;
    }

    /** A valid multiple-response question (choose two: a and c) for the given track and domain. */
    public static ObjectNode multiple(String id, String track, String domain) {
        ObjectNode q = single(id);
        q.putArray("tracks").add(track);
        q.putObject("domains").put(track, domain);
        q.put("type", "multiple");
        q.put("choose", 2);
        q.put("stem", "Scenario " + id + ": which two are true? (Choose two.)");
        option((ArrayNode) q.get("options"), "d", "Grants", "Wrong here.");
        q.putArray("answer").add("a").add("c");
        return q;
    }

    /** A valid ordering question with the correct order a, b, c. */
    public static ObjectNode ordering(String id) {
        ObjectNode q = single(id);
        q.put("type", "ordering");
        q.putArray("answer").add("a").add("b").add("c");
        return q;
    }

    /** A valid matching question: a-x, b-y, c-z. */
    public static ObjectNode matching(String id) {
        ObjectNode q = single(id);
        q.put("type", "matching");
        ArrayNode targets = q.putArray("targets");
        targets.addObject().put("id", "x").put("text", "X");
        targets.addObject().put("id", "y").put("text", "Y");
        targets.addObject().put("id", "z").put("text", "Z");
        q.putObject("answer").put("a", "x").put("b", "y").put("c", "z");
        return q;
    }

    public static ObjectNode forTrack(ObjectNode q, String track, String domain) {
        q.putArray("tracks").add(track);
        q.putObject("domains").put(track, domain);
        return q;
    }

    public static BankFile file(String name, ObjectNode... questions) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray("questions");
        for (ObjectNode q : questions) {
            array.add(q);
        }
        return new BankFile(name, pretty(root));
    }

    public static byte[] pretty(ObjectNode root) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void option(ArrayNode options, String id, String text, String explanation) {
        options.addObject().put("id", id).put("text", text).put("explanation", explanation);
    }
}
