package dev.kmslab.ui.quiz.answer;

import dev.kmslab.study.quiz.Question;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** A question as a card: position, type and difficulty chips, the scenario, then the answer controls. */
public final class QuestionPane extends VBox {

    /** @param domain the exam domain to show, or null */
    public QuestionPane(AnswerDraft draft, String position, String domain) {
        this(draft, position, domain, true, true);
    }

    /**
     * @param domain     the exam domain to show, or null (the exam hides it, as the real exam does)
     * @param difficulty whether to show the difficulty chip (the exam hides it)
     * @param answers    whether to show the answer controls; after answering, the feedback takes their place
     */
    public QuestionPane(AnswerDraft draft, String position, String domain, boolean difficulty, boolean answers) {
        getStyleClass().addAll("question-card");
        Question q = draft.question().question();
        Label where = new Label(position);
        where.setId("question-position");
        where.getStyleClass().add("question-position");
        FlowPane chips = new FlowPane(where);
        chips.getStyleClass().add("chip-row");
        chips.getChildren().add(chip(typeName(draft), "type-chip"));
        if (difficulty) {
            chips.getChildren().add(chip(q.difficulty().jsonName(), "difficulty-chip"));
        }
        if (domain != null) {
            chips.getChildren().add(chip(domain, "domain-chip"));
        }
        Label stem = new Label(q.stem());
        stem.setId("question-stem");
        stem.setWrapText(true);
        stem.getStyleClass().add("question-stem");
        getChildren().addAll(chips, stem);
        if (answers) {
            getChildren().add(new AnswerPane(draft));
        }
    }

    private static Label chip(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("chip", style);
        return l;
    }

    private static String typeName(AnswerDraft draft) {
        switch (draft.type()) {
            case SINGLE:
                return "single answer";
            case MULTIPLE:
                return "choose " + draft.choose();
            case ORDERING:
                return "ordering";
            default:
                return "matching";
        }
    }
}
