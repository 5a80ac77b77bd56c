/** The CloudTrail-style audit log: events, queries, and the JSON Lines file writer. */
package dev.kmslab.engine.audit;
