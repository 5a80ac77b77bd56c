package dev.kmslab.study.quiz;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An answer key or a learner's response; both have the same shape so that scoring is a comparison. Responses refer to
 * option ids, never to positions, so shuffled presentation cannot change the result.
 */
public sealed interface Answer permits Answer.Choice, Answer.Ordering, Answer.Matching {

    /** Single and multiple choice: the set of chosen option ids (order irrelevant). */
    record Choice(Set<String> optionIds) implements Answer {
        public Choice {
            optionIds = Set.copyOf(new LinkedHashSet<>(optionIds));
        }

        public static Choice of(String... ids) {
            return new Choice(Set.of(ids));
        }
    }

    /** Ordering: every option id, first step first. */
    record Ordering(List<String> optionIds) implements Answer {
        public Ordering {
            optionIds = List.copyOf(optionIds);
        }

        public static Ordering of(String... ids) {
            return new Ordering(List.of(ids));
        }
    }

    /** Matching: option id to target id. */
    record Matching(Map<String, String> pairs) implements Answer {
        public Matching {
            pairs = Map.copyOf(new LinkedHashMap<>(pairs));
        }
    }
}
