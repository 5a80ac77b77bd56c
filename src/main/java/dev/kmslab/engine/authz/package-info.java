/**
 * Authorization of engine calls: the {@code Authorizer} interface the call gate asks, the default
 * {@code PolicyAuthorizer} (key policies, IAM policies and grants, evaluated by {@code engine.policy}) and the
 * account-root authorizer for tests, with the request and decision types between them. Never depends on an area.
 */
package dev.kmslab.engine.authz;
