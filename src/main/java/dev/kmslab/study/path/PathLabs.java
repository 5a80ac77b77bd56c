package dev.kmslab.study.path;

import dev.kmslab.study.labs.Lab;
import dev.kmslab.study.labs.LabCatalogue;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the learning path asks of the labs: which lab a module offers and whether the learner passed it. A thin
 * adapter over the lab catalogue and the lab progress store, so the path does not depend on how labs are stored.
 */
public interface PathLabs {

    /** The lab a module offers: the one it names, or else the first lab that names its concept and the track. */
    Optional<Lab> labFor(PathModule module, String trackId);

    boolean passed(String labId);

    static PathLabs none() {
        return of(LabCatalogue.empty(), id -> false);
    }

    /** @param passed whether a lab id has passed every check at least once (the lab progress store's answer) */
    static PathLabs of(LabCatalogue catalogue, Predicate<String> passed) {
        return new PathLabs() {
            @Override
            public Optional<Lab> labFor(PathModule module, String trackId) {
                if (module.lab().isPresent()) {
                    return catalogue.lab(module.lab().get());
                }
                return catalogue.forConcept(module.concept()).stream().filter(l -> l.forTrack(trackId)).findFirst();
            }

            @Override
            public boolean passed(String labId) {
                return passed.test(labId);
            }
        };
    }
}
