package dev.kmslab.study.content;

/** A page of the AWS documentation a learner can read further. */
public record Reference(String title, String url) {
}
