package dev.kmslab.study.quiz.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kmslab.study.quiz.Answer;
import dev.kmslab.study.quiz.Option;
import dev.kmslab.study.quiz.QuestionType;
import dev.kmslab.study.quiz.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Validates the answer key against the options (and targets), and the "choose N" contract of multiple-response
 * questions: wrong keys are the most common defect of question banks, so every reference is checked.
 */
final class AnswerReader {

    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten");

    private final FileProblems problems;

    AnswerReader(FileProblems problems) {
        this.problems = problems;
    }

    Answer read(JsonNode node, JsonPath at, QuestionType type, List<Option> options, List<Target> targets) {
        JsonNode answer = node.get("answer");
        JsonPath ap = at.field("answer");
        Set<String> optionIds = options.stream().map(Option::id).collect(Collectors.toCollection(LinkedHashSet::new));
        if (type == QuestionType.MATCHING) {
            return matching(answer, ap, optionIds, targets);
        }
        List<String> ids = idList(answer, ap, optionIds);
        if (ids == null) {
            return null;
        }
        switch (type) {
            case SINGLE:
                if (ids.size() != 1) {
                    problems.add(ap, "a single-answer question needs exactly one answer, found " + ids.size());
                    return null;
                }
                return new Answer.Choice(Set.copyOf(ids));
            case MULTIPLE:
                if (ids.size() < 2 || ids.size() >= optionIds.size()) {
                    problems.add(ap, "a multiple-response question needs at least 2 answers and at least one wrong "
                            + "option, found " + ids.size() + " answers of " + optionIds.size() + " options");
                    return null;
                }
                return new Answer.Choice(Set.copyOf(ids));
            default:
                if (!new HashSet<>(ids).equals(optionIds) || ids.size() != optionIds.size()) {
                    problems.add(ap, "an ordering answer must list every option id exactly once, expected a "
                            + "permutation of " + optionIds);
                    return null;
                }
                return new Answer.Ordering(ids);
        }
    }

    /** Checks {@code choose} and the stem's "(Choose two.)"; returns choose, 0 for types without it. */
    int choose(JsonNode node, JsonPath at, QuestionType type, String stem, Answer answer) {
        JsonNode choose = node.get("choose");
        JsonPath cp = at.field("choose");
        if (type != QuestionType.MULTIPLE) {
            if (choose != null) {
                problems.add(cp, "only multiple-response questions have choose");
            }
            return 0;
        }
        if (choose == null || !choose.isInt() || choose.asInt() < 2) {
            problems.add(cp, "expected an integer >= 2 (the number of correct answers), found "
                    + (choose == null ? "nothing" : choose.toString()));
            return 0;
        }
        int n = choose.asInt();
        if (answer instanceof Answer.Choice && ((Answer.Choice) answer).optionIds().size() != n) {
            problems.add(cp, "choose is " + n + " but the answer lists "
                    + ((Answer.Choice) answer).optionIds().size() + " options");
        }
        String expected = "(Choose " + (n < NUMBER_WORDS.size() ? NUMBER_WORDS.get(n) : String.valueOf(n)) + ".)";
        if (stem != null && !stem.toLowerCase(Locale.ROOT).contains(expected.toLowerCase(Locale.ROOT))) {
            problems.add(at.field("stem"), "a multiple-response stem must say how many to choose: expected \""
                    + expected + "\"");
        }
        return n;
    }

    private List<String> idList(JsonNode answer, JsonPath ap, Set<String> optionIds) {
        if (answer == null || !answer.isArray() || answer.isEmpty()) {
            problems.add(ap, "expected a non-empty array of option ids, found " + Fields.kind(answer));
            return null;
        }
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int before = problems.count();
        for (int i = 0; i < answer.size(); i++) {
            JsonNode item = answer.get(i);
            if (!item.isTextual()) {
                problems.add(ap.index(i), "expected an option id string, found " + Fields.kind(item));
            } else if (!optionIds.contains(item.asText())) {
                problems.add(ap.index(i), "\"" + item.asText() + "\" is not an option id; expected one of "
                        + optionIds);
            } else if (!seen.add(item.asText())) {
                problems.add(ap.index(i), "option \"" + item.asText() + "\" is listed twice");
            } else {
                ids.add(item.asText());
            }
        }
        return problems.count() == before ? ids : null;
    }

    private Answer matching(JsonNode answer, JsonPath ap, Set<String> optionIds, List<Target> targets) {
        if (answer == null || !answer.isObject()) {
            problems.add(ap, "a matching answer must be an object mapping every option id to a target id, found "
                    + Fields.kind(answer));
            return null;
        }
        Set<String> targetIds = targets.stream().map(Target::id).collect(Collectors.toSet());
        Map<String, String> pairs = new LinkedHashMap<>();
        int before = problems.count();
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonPath ep = ap.field(e.getKey());
            if (!optionIds.contains(e.getKey())) {
                problems.add(ep, "\"" + e.getKey() + "\" is not an option id; expected one of " + optionIds);
            } else if (!e.getValue().isTextual() || !targetIds.contains(e.getValue().asText())) {
                problems.add(ep, "expected a target id, one of " + new TreeSet<>(targetIds) + ", found "
                        + e.getValue());
            } else {
                pairs.put(e.getKey(), e.getValue().asText());
            }
        }
        for (String id : optionIds) {
            if (!answer.has(id)) {
                problems.add(ap, "option \"" + id + "\" has no target; every option must be matched");
            }
        }
        return problems.count() == before ? new Answer.Matching(pairs) : null;
    }
}
