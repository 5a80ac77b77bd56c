package dev.kmslab.ui.markdown;

/** What happens when a learner follows a link in rendered Markdown ({@code concept:}, {@code service:} or https). */
@FunctionalInterface
public interface LinkHandler {
    void open(String destination);
}
