package dev.kmslab.study.quiz;

/**
 * How one option fared in a response.
 *
 * @param selected   choice: the learner picked it; ordering and matching: the learner placed it
 * @param correct    choice: it belongs to the key; ordering: placed at its right position; matching: matched to its
 *                   right target
 * @param expected   where it belongs, for ordering ("step 2") and matching (the target's text); null for choice
 */
public record OptionFeedback(Option option, boolean selected, boolean correct, String expected) {

    public String explanation() {
        return option.explanation();
    }
}
