package dev.kmslab.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.TrackCatalog;
import dev.kmslab.study.quiz.load.QuestionBankLoader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A question's "Try it in the lab" link opens a flow by id, so every lab id in the built-in bank must exist. */
class QuizLabLinksTest {

    private static final List<Question> QUESTIONS = new QuestionBankLoader(TrackCatalog.fromClasspath()).loadBuiltIn()
            .bank().all();

    @Test
    void everyLabIdInTheBuiltInBank_namesAFlowInTheCatalogue() {
        List<String> labs = QUESTIONS.stream().map(Question::labId).flatMap(Optional::stream).toList();
        assertThat(labs).isNotEmpty();
        assertThat(labs).allSatisfy(id -> assertThat(FlowCatalogue.find(id)).as("flow %s", id).isPresent());
    }

    @Test
    void signingAndImportQuestions_linkToTheirFlows() {
        assertThat(lab("core-051")).contains("sign-verify-offline");
        assertThat(lab("crypto-065")).contains("import-key-material");
        assertThat(lab("crypto-070")).contains("import-key-material");
    }

    private static Optional<String> lab(String questionId) {
        return QUESTIONS.stream().filter(q -> q.id().equals(questionId)).findFirst().orElseThrow().labId();
    }
}
