package dev.kmslab.ui.quiz.answer;

import dev.kmslab.study.quiz.Answer;
import dev.kmslab.study.quiz.Option;
import dev.kmslab.study.quiz.PresentedQuestion;
import dev.kmslab.study.quiz.QuestionType;
import dev.kmslab.study.quiz.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

/**
 * The response a learner is building for one shown question: chosen options (single, multiple), an order (ordering)
 * or a target per option (matching). Every change bumps {@link #touchedProperty()} so an exam can tell "left as
 * shown" from "answered", which matters for ordering, whose shown order is already a complete response.
 */
public final class AnswerDraft {

    private final PresentedQuestion question;
    private final ObservableSet<String> selected = FXCollections.observableSet();
    private final ObservableList<String> order = FXCollections.observableArrayList();
    private final ObservableMap<String, String> matches = FXCollections.observableHashMap();
    private final BooleanProperty complete = new SimpleBooleanProperty();
    private final BooleanProperty touched = new SimpleBooleanProperty();
    private final BooleanProperty locked = new SimpleBooleanProperty();
    private final IntegerProperty revision = new SimpleIntegerProperty();

    public AnswerDraft(PresentedQuestion question) {
        this.question = question;
        question.options().forEach(o -> order.add(o.id()));
        refresh();
    }

    public PresentedQuestion question() {
        return question;
    }

    public QuestionType type() {
        return question.question().type();
    }

    /** How many options to pick: 1 for single, the question's number for multiple, 0 otherwise. */
    public int choose() {
        return type() == QuestionType.MULTIPLE ? question.question().choose() : type() == QuestionType.SINGLE ? 1 : 0;
    }

    public ObservableSet<String> selected() {
        return selected;
    }

    /** Ordering: option ids, first step first. */
    public ObservableList<String> order() {
        return order;
    }

    /** Matching: option id to target id. */
    public ObservableMap<String, String> matches() {
        return matches;
    }

    /** True when the response can be marked: one choice, N choices, any order, or every option matched. */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete;
    }

    public ReadOnlyBooleanProperty touchedProperty() {
        return touched;
    }

    /** Counts the learner's changes, so listeners see every edit (even one that keeps it complete). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision;
    }

    /** Set once the response has been marked: no more changes. */
    public BooleanProperty lockedProperty() {
        return locked;
    }

    /** Keyboard and click: picks (single) or toggles (multiple) the option shown at 1-based {@code number}. */
    public boolean choose(int number) {
        if (number < 1 || number > question.options().size()) {
            return false;
        }
        String id = question.optionAt(number).id();
        if (type() == QuestionType.SINGLE) {
            return setSelected(id, true);
        }
        if (type() == QuestionType.MULTIPLE) {
            return setSelected(id, !selected.contains(id));
        }
        return false;
    }

    public boolean setSelected(String optionId, boolean on) {
        if (locked.get() || (type() != QuestionType.SINGLE && type() != QuestionType.MULTIPLE)) {
            return false;
        }
        if (on && type() == QuestionType.SINGLE) {
            selected.retainAll(List.of(optionId));
        }
        boolean changed = on ? selected.add(optionId) : selected.remove(optionId);
        changed();
        return changed;
    }

    /** Ordering: moves the option at {@code index} by {@code delta} places (−1 up, +1 down). */
    public boolean move(int index, int delta) {
        int to = index + delta;
        if (locked.get() || index < 0 || index >= order.size() || to < 0 || to >= order.size()) {
            return false;
        }
        List<String> copy = new ArrayList<>(order);
        Collections.swap(copy, index, to);
        order.setAll(copy);
        changed();
        return true;
    }

    /** Ordering: moves an option to a new index (drag and drop). */
    public boolean moveTo(String optionId, int index) {
        int from = order.indexOf(optionId);
        if (locked.get() || from < 0 || index < 0 || index >= order.size()) {
            return false;
        }
        List<String> copy = new ArrayList<>(order);
        copy.remove(from);
        copy.add(index, optionId);
        order.setAll(copy);
        changed();
        return true;
    }

    /** Ordering: accepts the shown order as the answer without moving anything. */
    public void confirmOrder() {
        if (!locked.get() && type() == QuestionType.ORDERING) {
            changed();
        }
    }

    public void match(String optionId, String targetId) {
        if (locked.get()) {
            return;
        }
        if (targetId == null) {
            matches.remove(optionId);
        } else {
            matches.put(optionId, targetId);
        }
        changed();
    }

    /** The response in the scorer's shape; null while it is not complete. */
    public Answer toAnswer() {
        if (!complete.get()) {
            return null;
        }
        switch (type()) {
            case SINGLE:
            case MULTIPLE:
                return new Answer.Choice(selected);
            case ORDERING:
                return new Answer.Ordering(order);
            default:
                return new Answer.Matching(new LinkedHashMap<>(matches));
        }
    }

    /** Shows an earlier response again (exam navigation); does not count as a change. */
    public void restore(Answer answer) {
        if (answer instanceof Answer.Choice) {
            selected.clear();
            selected.addAll(((Answer.Choice) answer).optionIds());
        } else if (answer instanceof Answer.Ordering) {
            order.setAll(((Answer.Ordering) answer).optionIds());
        } else if (answer instanceof Answer.Matching) {
            matches.clear();
            matches.putAll(((Answer.Matching) answer).pairs());
        }
        touched.set(answer != null);
        refresh();
    }

    public String optionText(String optionId) {
        return question.question().option(optionId).map(Option::text).orElse(optionId);
    }

    public List<Target> targets() {
        return question.targets();
    }

    /** "Choose one.", "Choose 2 (1 selected).", "Put the steps in order." and so on, shown above the options. */
    public String instruction() {
        switch (type()) {
            case SINGLE:
                return "Choose one.";
            case MULTIPLE:
                return "Choose " + choose() + " (" + selected.size() + " selected).";
            case ORDERING:
                return "Put the steps in order, first at the top (use the arrows or drag).";
            default:
                return "Match each item to one entry (" + matches.size() + " of " + question.options().size()
                        + " matched).";
        }
    }

    private void changed() {
        touched.set(true);
        refresh();
        revision.set(revision.get() + 1);
    }

    private void refresh() {
        switch (type()) {
            case SINGLE:
                complete.set(selected.size() == 1);
                break;
            case MULTIPLE:
                complete.set(selected.size() == choose());
                break;
            case ORDERING:
                complete.set(true);
                break;
            default:
                complete.set(matches.size() == question.options().size());
        }
    }
}
