package dev.kmslab.study.quiz.load;

import static dev.kmslab.study.quiz.QuestionJson.file;
import static dev.kmslab.study.quiz.QuestionJson.matching;
import static dev.kmslab.study.quiz.QuestionJson.multiple;
import static dev.kmslab.study.quiz.QuestionJson.ordering;
import static dev.kmslab.study.quiz.QuestionJson.single;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.study.quiz.TrackCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One broken rule per test: the question is rejected and the problem names the path and the expectation. */
class QuestionValidationRulesTest {

    private final QuestionBankLoader loader = new QuestionBankLoader(TrackCatalog.fromClasspath());

    private LoadProblem onlyProblem(ObjectNode q) {
        LoadResult result = loader.load(List.of(file("t.json", q)));
        assertThat(result.bank().size()).as("the broken question is skipped").isZero();
        assertThat(result.problems()).hasSize(1);
        LoadProblem p = result.problems().get(0);
        assertThat(p.line()).as("line of %s", p.path()).isPositive();
        return p;
    }

    private void assertProblem(ObjectNode q, String path, String message) {
        LoadProblem p = onlyProblem(q);
        assertThat(p.path()).isEqualTo(path);
        assertThat(p.message()).isEqualTo(message);
    }

    @Test
    void validQuestionsOfEveryType_load() {
        LoadResult r = loader.load(List.of(file("t.json", single("s"), multiple("m", "DVA", "Security"),
                ordering("o"), matching("x"))));
        assertThat(r.problems()).isEmpty();
        assertThat(r.bank().size()).isEqualTo(4);
    }

    @Test
    void missingId_rejected() {
        ObjectNode q = single("q");
        q.remove("id");
        assertProblem(q, "questions[0].id", "missing; expected a non-blank string");
    }

    @Test
    void unknownField_rejected() {
        assertProblem(single("q").put("explaination", "typo"), "questions[0].explaination",
                "unknown field; expected one of [answer, choose, difficulty, domains, id, lab, options, reference, "
                        + "stem, targets, topics, tracks, type]");
    }

    @Test
    void unknownTrack_rejected() {
        ObjectNode q = single("q");
        ((ArrayNode) q.get("tracks")).add("CLF");
        LoadResult r = loader.load(List.of(file("t.json", q)));
        assertThat(r.problems()).extracting(LoadProblem::path).containsExactly("questions[0].tracks[1]");
        assertThat(r.problems().get(0).message()).isEqualTo(
                "unknown track \"CLF\"; expected one of [SAA, SAP, DVA, MLA, AIP, SCS, MLS]");
    }

    @Test
    void missingDomainForTrack_rejected() {
        ObjectNode q = single("q");
        ((ArrayNode) q.get("tracks")).add("DVA");
        assertProblem(q, "questions[0].domains", "missing the domain for track DVA");
    }

    @Test
    void domainOfAnotherTrack_rejected() {
        ObjectNode q = single("q");
        ((ObjectNode) q.get("domains")).put("SAA", "Security");
        assertProblem(q, "questions[0].domains.SAA", "\"Security\" is not a domain of SAA; expected one of "
                + "[Design Secure Architectures, Design Resilient Architectures, Design High-Performing Architectures, "
                + "Design Cost-Optimized Architectures]");
    }

    @Test
    void unknownTopic_rejected() {
        ObjectNode q = single("q");
        ((ArrayNode) q.get("topics")).add("kms-trivia");
        assertProblem(q, "questions[0].topics[1]",
                "unknown topic \"kms-trivia\"; expected a topic id from content/tracks.json");
    }

    @Test
    void blankExplanation_rejected() {
        ObjectNode q = single("q");
        ((ObjectNode) q.get("options").get(2)).put("explanation", " ");
        assertProblem(q, "questions[0].options[2].explanation", "must not be blank");
    }

    @Test
    void duplicateOptionId_rejected() {
        ObjectNode q = single("q");
        ((ObjectNode) q.get("options").get(2)).put("id", "a");
        assertProblem(q, "questions[0].options[2].id", "duplicate option id \"a\"");
    }

    @Test
    void singleWithTwoAnswers_rejected() {
        ObjectNode q = single("q");
        ((ArrayNode) q.get("answer")).add("a");
        assertProblem(q, "questions[0].answer", "a single-answer question needs exactly one answer, found 2");
    }

    @Test
    void multipleWithoutChoose_rejected() {
        ObjectNode q = multiple("q", "SAA", "Design Secure Architectures");
        q.remove("choose");
        assertProblem(q, "questions[0].choose",
                "expected an integer >= 2 (the number of correct answers), found nothing");
    }

    @Test
    void multipleChooseNotEqualToAnswers_rejected() {
        ObjectNode q = multiple("q", "SAA", "Design Secure Architectures");
        ((ArrayNode) q.get("answer")).add("b");
        assertProblem(q, "questions[0].choose", "choose is 2 but the answer lists 3 options");
    }

    @Test
    void multipleStemWithoutChooseHint_rejected() {
        ObjectNode q = multiple("q", "SAA", "Design Secure Architectures");
        q.put("stem", "Which are true? (Choose three.)");
        assertProblem(q, "questions[0].stem",
                "a multiple-response stem must say how many to choose: expected \"(Choose two.)\"");
    }

    @Test
    void chooseOnSingle_rejected() {
        assertProblem(single("q").put("choose", 2), "questions[0].choose",
                "only multiple-response questions have choose");
    }

    @Test
    void orderingNotAPermutation_rejected() {
        ObjectNode q = ordering("q");
        q.putArray("answer").add("a").add("b");
        assertProblem(q, "questions[0].answer",
                "an ordering answer must list every option id exactly once, expected a permutation of [a, b, c]");
    }

    @Test
    void matchingToUnknownTarget_rejected() {
        ObjectNode q = matching("q");
        ((ObjectNode) q.get("answer")).put("c", "w");
        assertProblem(q, "questions[0].answer.c", "expected a target id, one of [x, y, z], found \"w\"");
    }

    @Test
    void matchingWithUnmatchedOption_rejected() {
        ObjectNode q = matching("q");
        ((ObjectNode) q.get("answer")).remove("b");
        assertProblem(q, "questions[0].answer", "option \"b\" has no target; every option must be matched");
    }

    @Test
    void badDifficulty_rejected() {
        assertProblem(single("q").put("difficulty", "expert"), "questions[0].difficulty",
                "\"expert\" is not valid; expected easy, medium or hard");
    }

    @Test
    void badType_rejected() {
        assertProblem(single("q").put("type", "essay"), "questions[0].type",
                "\"essay\" is not valid; expected single, multiple, ordering or matching");
    }

    @Test
    void httpReference_rejected() {
        ObjectNode q = single("q");
        ((ObjectNode) q.get("reference")).put("url", "http://docs.aws.amazon.com/kms/");
        assertProblem(q, "questions[0].reference.url",
                "expected an https:// URL, found \"http://docs.aws.amazon.com/kms/\"");
    }

    @Test
    void duplicateIdAcrossFiles_secondRejected() {
        LoadResult r = loader.load(List.of(file("a.json", single("same")),
                file("b.json", single("same").put("stem", "Other stem"))));
        assertThat(r.bank().size()).isEqualTo(1);
        assertThat(r.problems()).singleElement().isEqualTo(new LoadProblem("b.json", "questions[0].id", 3, 12,
                "duplicate id \"same\" (already defined in a.json); the question was skipped"));
    }

    @Test
    void duplicateStem_ignoringCaseAndSpacing_rejected() {
        ObjectNode second = single("other").put("stem", "  SCENARIO one:   which policy must allow the other account?");
        LoadResult r = loader.load(List.of(file("a.json", single("one"), second)));
        assertThat(r.bank().size()).isEqualTo(1);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("questions[1].stem");
            assertThat(p.message()).isEqualTo("same stem as question \"one\"; the question was skipped");
        });
    }

    @Test
    void severalProblemsInOneQuestion_allReported() {
        ObjectNode q = single("q").put("difficulty", "expert");
        q.remove("stem");
        LoadResult r = loader.load(List.of(file("t.json", q)));
        assertThat(r.problems()).extracting(LoadProblem::path)
                .containsExactlyInAnyOrder("questions[0].stem", "questions[0].difficulty");
    }

    @Test
    void duplicateJsonKey_isASyntaxError() {
        BankFile f = new BankFile("dup.json", "{\"questions\": [], \"questions\": []}".getBytes());
        LoadProblem p = loader.load(List.of(f)).problems().get(0);
        assertThat(p.message()).startsWith("not valid JSON: Duplicate field 'questions'");
        assertThat(p.line()).isEqualTo(1);
    }
}
