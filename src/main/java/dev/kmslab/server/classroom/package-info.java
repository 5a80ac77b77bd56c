/**
 * Serving a class from one machine: the decisions {@code serve} takes when it is reachable beyond loopback (no
 * published root key, HTTPS, per-key rate limits; {@link dev.kmslab.server.classroom.ClassroomSetup}), class rosters
 * ({@link dev.kmslab.server.classroom.Roster}), ready-made student policies
 * ({@link dev.kmslab.server.classroom.StudentPolicy}) and the enrolment that gives each student an IAM user, an access
 * key and an AWS CLI profile file ({@link dev.kmslab.server.classroom.ClassEnrolment},
 * {@link dev.kmslab.server.classroom.Handout}). Used by the {@code serve} command and the app's endpoint panel.
 */
package dev.kmslab.server.classroom;
