package dev.kmslab.flow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A recorded scenario: the actors in lane order, the steps as they really happened, and the exam tips it teaches. */
public record Flow(String id, String title, String summary, List<Actor> actors, List<Step> steps,
                   List<String> examTips) {

    public Flow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        actors = List.copyOf(actors);
        steps = List.copyOf(steps);
        examTips = List.copyOf(examTips);
        java.util.Set<String> ids = new java.util.HashSet<>();
        actors.forEach(a -> ids.add(a.id()));
        for (Step s : steps) {
            if (!ids.contains(s.from()) || !ids.contains(s.to())) {
                throw new IllegalArgumentException("step " + s.action() + " names an actor the flow does not have");
            }
        }
    }

    public Optional<Actor> actor(String actorId) {
        return actors.stream().filter(a -> a.id().equals(actorId)).findFirst();
    }

    public int laneOf(String actorId) {
        for (int i = 0; i < actors.size(); i++) {
            if (actors.get(i).id().equals(actorId)) {
                return i;
            }
        }
        return -1;
    }

    /** The KMS API calls made, in order (failed ones included). */
    public List<String> kmsCalls() {
        return steps.stream().filter(Step::kmsCall).map(Step::action).toList();
    }
}
