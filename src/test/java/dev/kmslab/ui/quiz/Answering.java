package dev.kmslab.ui.quiz;

import dev.kmslab.study.quiz.Answer;
import dev.kmslab.study.quiz.Option;
import dev.kmslab.ui.quiz.answer.AnswerDraft;
import java.util.List;
import java.util.Map;

/** Answers whatever question a draft shows, right or wrong, through the same calls the controls make. */
final class Answering {

    private Answering() {
    }

    static void correctly(AnswerDraft draft) {
        Answer key = draft.question().question().answer();
        if (key instanceof Answer.Choice) {
            ((Answer.Choice) key).optionIds().forEach(id -> draft.setSelected(id, true));
        } else if (key instanceof Answer.Ordering) {
            List<String> order = ((Answer.Ordering) key).optionIds();
            for (int i = 0; i < order.size(); i++) {
                draft.moveTo(order.get(i), i);
            }
        } else {
            ((Answer.Matching) key).pairs().forEach(draft::match);
        }
    }

    static void wrongly(AnswerDraft draft) {
        Answer key = draft.question().question().answer();
        List<Option> options = draft.question().options();
        if (key instanceof Answer.Choice) {
            String wrong = options.stream().map(Option::id)
                    .filter(id -> !((Answer.Choice) key).optionIds().contains(id)).findFirst().orElseThrow();
            draft.setSelected(wrong, true);
            ((Answer.Choice) key).optionIds().stream().limit(draft.choose() - 1L)
                    .forEach(id -> draft.setSelected(id, true));
        } else if (key instanceof Answer.Ordering) {
            List<String> order = ((Answer.Ordering) key).optionIds();
            for (int i = 0; i < order.size(); i++) {
                draft.moveTo(order.get(order.size() - 1 - i), i);
            }
        } else {
            Map<String, String> pairs = ((Answer.Matching) key).pairs();
            List<String> ids = List.copyOf(pairs.keySet());
            for (int i = 0; i < ids.size(); i++) {
                draft.match(ids.get(i), pairs.get(ids.get((i + 1) % ids.size())));
            }
        }
    }
}
