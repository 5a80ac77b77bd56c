package dev.kmslab.study.quiz.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kmslab.study.quiz.Answer;
import dev.kmslab.study.quiz.Difficulty;
import dev.kmslab.study.quiz.Option;
import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.QuestionType;
import dev.kmslab.study.quiz.Reference;
import dev.kmslab.study.quiz.Target;
import dev.kmslab.study.quiz.Track;
import dev.kmslab.study.quiz.TrackCatalog;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Validates one question object against the schema in {@code quizzes/README.md} and builds it. */
final class QuestionReader {

    private static final Set<String> KNOWN_FIELDS = Set.of("id", "tracks", "domains", "topics", "type", "choose",
            "stem", "options", "targets", "answer", "reference", "difficulty", "lab");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final TrackCatalog catalog;

    QuestionReader(TrackCatalog catalog) {
        this.catalog = catalog;
    }

    /** The question, or empty when it has problems (all of them are reported, not only the first). */
    Optional<Question> read(JsonNode node, JsonPath at, String source, FileProblems problems) {
        if (!node.isObject()) {
            problems.add(at, "expected a question object, found " + Fields.kind(node));
            return Optional.empty();
        }
        int before = problems.count();
        Fields f = new Fields(problems);
        unknownFields(node, at, problems);
        String id = f.text(node, at, "id");
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(at.field("id"), "expected letters, digits, '.', '_' or '-' only, found \"" + id + "\"");
        }
        List<String> tracks = tracks(node, at, f, problems);
        Map<String, String> domains = domains(node, at, tracks, problems);
        List<String> topics = topics(node, at, f, problems);
        QuestionType type = enumValue(node, at, "type", QuestionType::fromJson, "single, multiple, ordering or matching",
                f, problems);
        String stem = f.text(node, at, "stem");
        List<Option> options = options(node, at, f);
        List<Target> targets = targets(node, at, type, f, problems);
        Reference reference = reference(node, at, f, problems);
        Difficulty difficulty = enumValue(node, at, "difficulty", Difficulty::fromJson, "easy, medium or hard", f,
                problems);
        String lab = node.has("lab") ? f.textValue(node.get("lab"), at.field("lab")) : null;
        Answer answer = null;
        int choose = 0;
        if (type != null && options != null && (type != QuestionType.MATCHING || targets != null)) {
            AnswerReader answers = new AnswerReader(problems);
            answer = answers.read(node, at, type, options, targets);
            choose = answers.choose(node, at, type, stem, answer);
        } else if (!node.has("answer")) {
            problems.add(at.field("answer"), "missing");
        }
        if (problems.count() != before) {
            return Optional.empty();
        }
        return Optional.of(new Question(id, tracks, domains, topics, type, choose, stem, options,
                targets == null ? List.of() : targets, answer, reference, difficulty, lab, source));
    }

    private static void unknownFields(JsonNode node, JsonPath at, FileProblems problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!KNOWN_FIELDS.contains(name)) {
                problems.add(at.field(name), "unknown field; expected one of " + new TreeSet<>(KNOWN_FIELDS));
            }
        }
    }

    private List<String> tracks(JsonNode node, JsonPath at, Fields f, FileProblems problems) {
        List<String> tracks = f.textList(node, at, "tracks");
        if (tracks == null) {
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < tracks.size(); i++) {
            if (catalog.track(tracks.get(i)).isEmpty()) {
                problems.add(at.field("tracks").index(i), "unknown track \"" + tracks.get(i) + "\"; expected one of "
                        + catalog.tracks().stream().map(Track::id).toList());
                ok = false;
            }
        }
        return ok ? tracks : null;
    }

    private Map<String, String> domains(JsonNode node, JsonPath at, List<String> tracks, FileProblems problems) {
        JsonNode domains = node.get("domains");
        JsonPath dp = at.field("domains");
        if (domains == null || !domains.isObject()) {
            problems.add(dp, "expected an object with the exam domain for each track, found " + Fields.kind(domains));
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = domains.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonPath ep = dp.field(e.getKey());
            if (tracks != null && !tracks.contains(e.getKey())) {
                problems.add(ep, "domain given for track \"" + e.getKey() + "\" that is not in tracks " + tracks);
                continue;
            }
            String name = new Fields(problems).textValue(e.getValue(), ep);
            Optional<Track> track = catalog.track(e.getKey());
            if (name != null && track.isPresent() && track.get().domain(name).isEmpty()) {
                problems.add(ep, "\"" + name + "\" is not a domain of " + e.getKey() + "; expected one of "
                        + track.get().domains().stream().map(d -> d.name()).toList());
            }
            result.put(e.getKey(), name);
        }
        if (tracks != null) {
            for (String t : tracks) {
                if (!domains.has(t)) {
                    problems.add(dp, "missing the domain for track " + t);
                }
            }
        }
        return result;
    }

    private List<String> topics(JsonNode node, JsonPath at, Fields f, FileProblems problems) {
        List<String> topics = f.textList(node, at, "topics");
        if (topics != null) {
            for (int i = 0; i < topics.size(); i++) {
                if (catalog.topic(topics.get(i)).isEmpty()) {
                    problems.add(at.field("topics").index(i), "unknown topic \"" + topics.get(i)
                            + "\"; expected a topic id from " + TrackCatalog.RESOURCE);
                }
            }
        }
        return topics;
    }

    private static <E> E enumValue(JsonNode node, JsonPath at, String name,
                                   Function<String, Optional<E>> parse, String expected,
                                   Fields f, FileProblems problems) {
        String value = f.text(node, at, name);
        if (value == null) {
            return null;
        }
        Optional<E> parsed = parse.apply(value);
        if (parsed.isEmpty()) {
            problems.add(at.field(name), "\"" + value + "\" is not valid; expected " + expected);
        }
        return parsed.orElse(null);
    }

    private static List<Option> options(JsonNode node, JsonPath at, Fields f) {
        JsonNode array = f.objectArray(node, at, "options", 2);
        if (array == null) {
            return null;
        }
        List<Option> options = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            JsonPath op = at.field("options").index(i);
            JsonNode o = array.get(i);
            String id = f.text(o, op, "id");
            String text = f.text(o, op, "text");
            String explanation = f.text(o, op, "explanation");
            if (id != null && !ids.add(id)) {
                f.problems().add(op.field("id"), "duplicate option id \"" + id + "\"");
                ok = false;
            }
            ok &= id != null && text != null && explanation != null;
            if (ok) {
                options.add(new Option(id, text, explanation));
            }
        }
        return ok ? options : null;
    }

    private static List<Target> targets(JsonNode node, JsonPath at, QuestionType type, Fields f,
                                        FileProblems problems) {
        if (type != QuestionType.MATCHING) {
            if (node.has("targets")) {
                problems.add(at.field("targets"), "only matching questions have targets");
            }
            return null;
        }
        JsonNode array = f.objectArray(node, at, "targets", 2);
        if (array == null) {
            return null;
        }
        List<Target> targets = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            JsonPath tp = at.field("targets").index(i);
            String id = f.text(array.get(i), tp, "id");
            String text = f.text(array.get(i), tp, "text");
            if (id != null && !ids.add(id)) {
                problems.add(tp.field("id"), "duplicate target id \"" + id + "\"");
                ok = false;
            }
            ok &= id != null && text != null;
            if (ok) {
                targets.add(new Target(id, text));
            }
        }
        return ok ? targets : null;
    }

    private static Reference reference(JsonNode node, JsonPath at, Fields f, FileProblems problems) {
        JsonNode ref = node.get("reference");
        JsonPath rp = at.field("reference");
        if (ref == null || !ref.isObject()) {
            problems.add(rp, "expected an object with title and url, found " + Fields.kind(ref));
            return null;
        }
        String title = f.text(ref, rp, "title");
        String url = f.text(ref, rp, "url");
        if (url != null && !isHttpsUrl(url)) {
            problems.add(rp.field("url"), "expected an https:// URL, found \"" + url + "\"");
            return null;
        }
        return title == null || url == null ? null : new Reference(title, url);
    }

    private static boolean isHttpsUrl(String url) {
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
