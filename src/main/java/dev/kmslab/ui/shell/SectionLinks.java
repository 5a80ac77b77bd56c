package dev.kmslab.ui.shell;

import dev.kmslab.study.content.ContentSearch;
import dev.kmslab.study.content.StudyContent;
import dev.kmslab.ui.common.Navigator;
import dev.kmslab.ui.path.StartHereView;
import dev.kmslab.ui.study.StudyView;
import java.util.List;
import java.util.function.Supplier;

/** Where the links of "Start here", the Study section and search hits lead: always through the {@link Navigator}. */
final class SectionLinks {

    private SectionLinks() {
    }

    static StartHereView.Links path(Navigator to) {
        return new StartHereView.Links() {
            @Override
            public void openConcept(String conceptId) {
                to.showConcept(conceptId);
            }

            @Override
            public void openFlow(String flowId) {
                to.showFlow(flowId);
            }

            @Override
            public void openLab(String labId) {
                to.showLab(labId);
            }

            @Override
            public void testTopic(String topicId, String trackId) {
                to.practiseTopics(List.of(topicId), trackId);
            }
        };
    }

    /** {@code track} is the learning path's track, which the Study section's "test me" practises. */
    static StudyView.Links study(Navigator to, Supplier<String> track) {
        return new StudyView.Links() {
            @Override
            public void openFlow(String flowId) {
                to.showFlow(flowId);
            }

            @Override
            public void openLab(String labId) {
                to.showLab(labId);
            }

            @Override
            public void testTopics(List<String> topicIds) {
                to.practiseTopics(topicIds, track.get());
            }
        };
    }

    /**
     * Opens a search hit. A question opens on its own in quiz practice, in the path's track when it belongs to it; a
     * checklist item opens in the checklist that holds it ({@code checklistTrack} when none does).
     */
    static void jump(Navigator to, ContentSearch.Hit hit, Supplier<String> pathTrack,
                     StudyContent content, Supplier<String> checklistTrack) {
        switch (hit.kind()) {
            case CONCEPT -> to.showConcept(hit.id());
            case SERVICE -> to.showService(hit.id());
            case LAB -> to.showLab(hit.id());
            case FLOW -> to.showFlow(hit.id());
            case QUESTION -> to.practiseQuestion(hit.id(), pathTrack.get());
            case CHECKLIST_ITEM -> {
                String track = content.checklists().stream()
                        .filter(c -> c.items().anyMatch(i -> i.id().equals(hit.id())))
                        .map(c -> c.track()).findFirst().orElseGet(checklistTrack);
                to.showChecklistItem(track, hit.id());
            }
        }
    }
}
