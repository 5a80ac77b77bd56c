package dev.kmslab.study.path;

import java.util.List;

/** The modules a learner preparing one exam track works through, in order, with a sentence on why this order. */
public record TrackPath(String track, String intro, List<PathModule> modules) {

    public TrackPath {
        modules = List.copyOf(modules);
    }
}
