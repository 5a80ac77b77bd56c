package dev.kmslab.study.labs;

/** An exam domain a lab practises: the track id and the domain's name as {@code content/tracks.json} spells it. */
public record LabDomain(String track, String domain) {
}
