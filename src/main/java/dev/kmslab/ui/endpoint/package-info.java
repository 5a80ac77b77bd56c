/**
 * The app's local AWS KMS endpoint panel: switching the endpoint on and off
 * ({@link dev.kmslab.ui.endpoint.EndpointViewModel}), serving a class over HTTPS and enrolling one from a roster
 * ({@link dev.kmslab.ui.endpoint.ClassroomViewModel}, shown by {@link dev.kmslab.ui.endpoint.ClassroomPane}).
 */
package dev.kmslab.ui.endpoint;
