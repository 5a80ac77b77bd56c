package dev.kmslab.ui.common;

import java.util.Optional;

/** Moves the learner to a place in the app; links, search hits and cards all go through it. */
public interface Navigator {

    void showOverview();

    void showConcept(String conceptId);

    void showService(String serviceId);

    void showChecklistItem(String trackId, String itemId);

    void openExternal(String url);

    /** Opens a flow from the catalogue (ids as in {@code dev.kmslab.flow.FlowCatalogue}) in the Flows player. */
    default void showFlow(String flowId) {
        // Navigators without a Flows section (tests, previews) ignore it.
    }

    /**
     * Opens a flow recorded with one of the learner's Key Lab keys ("Watch with this key"). Navigators without a
     * learner engine play it on a scratch key.
     */
    default void showFlow(String flowId, Optional<String> keyId) {
        showFlow(flowId);
    }

    /** Plays a flow that was built, not recorded (for example from an audit-log event). */
    default void showFlow(dev.kmslab.flow.Flow flow) {
        // Screens without a flow player ignore it.
    }

    /** Opens the Key Lab (quiz feedback's "Try it in the Key Lab"); navigators without one ignore it. */
    default void showKeyLab() {
        // Screens without a Key Lab ignore it.
    }

    /** Opens a lab's page in the Labs section (ids as in {@code content/labs/*.json}). */
    default void showLab(String labId) {
        // Navigators without a Labs section ignore it.
    }

    /** Opens quiz practice on these topics, for the track when it has questions on them. */
    default void practiseTopics(java.util.List<String> topicIds, String trackId) {
        // Navigators without a quiz ignore it.
    }

    /**
     * Opens one question in quiz practice (a search hit on it), in {@code trackId} when the question belongs to it.
     */
    default void practiseQuestion(String questionId, String trackId) {
        // Navigators without a quiz ignore it.
    }

    /** Follows a Markdown link: {@code concept:<id>}, {@code service:<id>}, {@code lab:<id>} or a web address. */
    default void follow(String destination) {
        if (destination.startsWith("concept:")) {
            showConcept(destination.substring("concept:".length()));
        } else if (destination.startsWith("service:")) {
            showService(destination.substring("service:".length()));
        } else if (destination.startsWith("lab:")) {
            showLab(destination.substring("lab:".length()));
        } else if (destination.startsWith("https://") || destination.startsWith("http://")) {
            openExternal(destination);
        }
    }
}
