package dev.kmslab.study.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The verdict on a response with every option's explanation, in the order the options were shown. */
public record Feedback(Question question, Answer response, boolean correct, List<OptionFeedback> options) {

    public Feedback {
        options = List.copyOf(options);
    }

    public Answer correctAnswer() {
        return question.answer();
    }

    /** Builds the feedback for a (possibly null = unanswered) response. */
    public static Feedback of(PresentedQuestion shown, Answer response) {
        Question q = shown.question();
        boolean correct = Scoring.isCorrect(q, response);
        List<OptionFeedback> options = new ArrayList<>();
        for (Option o : shown.options()) {
            options.add(forOption(q, o, response));
        }
        return new Feedback(q, response, correct, options);
    }

    private static OptionFeedback forOption(Question q, Option o, Answer response) {
        Answer key = q.answer();
        if (key instanceof Answer.Choice) {
            Set<String> chosen = response == null ? Set.of() : ((Answer.Choice) response).optionIds();
            return new OptionFeedback(o, chosen.contains(o.id()), ((Answer.Choice) key).optionIds().contains(o.id()),
                    null);
        }
        if (key instanceof Answer.Ordering) {
            List<String> order = ((Answer.Ordering) key).optionIds();
            List<String> given = response == null ? List.of() : ((Answer.Ordering) response).optionIds();
            int at = given.indexOf(o.id());
            return new OptionFeedback(o, at >= 0, at >= 0 && at == order.indexOf(o.id()),
                    "step " + (order.indexOf(o.id()) + 1));
        }
        Map<String, String> pairs = ((Answer.Matching) key).pairs();
        Map<String, String> given = response == null ? Map.of() : ((Answer.Matching) response).pairs();
        String target = pairs.get(o.id());
        return new OptionFeedback(o, given.containsKey(o.id()), target.equals(given.get(o.id())),
                q.target(target).map(Target::text).orElse(target));
    }
}
