package dev.kmslab.study.content;

import dev.kmslab.study.labs.Lab;
import dev.kmslab.study.labs.LabCatalogue;
import dev.kmslab.study.labs.LabStep;
import dev.kmslab.study.quiz.Option;
import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.QuestionBank;
import java.util.List;
import java.util.stream.Collectors;

/** Search entries for the study material that loads apart from the pages: labs and quiz questions. */
public final class SearchEntries {

    /** Longest question stem shown as a hit's title; the rest stays searchable as body text. */
    static final int QUESTION_TITLE_CHARS = 90;

    private SearchEntries() {
    }

    public static List<ContentSearch.Entry> labs(LabCatalogue catalogue) {
        return catalogue.labs().stream().map(SearchEntries::lab).collect(Collectors.toList());
    }

    private static ContentSearch.Entry lab(Lab lab) {
        String steps = lab.steps().stream().map(LabStep::text).collect(Collectors.joining("\n"));
        return new ContentSearch.Entry(ContentSearch.Kind.LAB, lab.id(), lab.title(),
                "Lab · " + String.join(", ", lab.tracks()), lab.scenario() + "\n" + steps);
    }

    public static List<ContentSearch.Entry> questions(QuestionBank bank) {
        return bank.all().stream().map(SearchEntries::question).collect(Collectors.toList());
    }

    private static ContentSearch.Entry question(Question q) {
        String stem = q.stem().replaceAll("\\s+", " ").trim();
        String title = stem.length() <= QUESTION_TITLE_CHARS ? stem
                : stem.substring(0, QUESTION_TITLE_CHARS - 1).trim() + "…";
        String options = q.options().stream().map(Option::text).collect(Collectors.joining("\n"));
        // The stem is the question's text, not a title: it is searched as body so that pages titled with the query
        // still rank first.
        return new ContentSearch.Entry(ContentSearch.Kind.QUESTION, q.id(), title,
                "Quiz question · " + String.join(", ", q.tracks()), stem + "\n" + options, false);
    }
}
