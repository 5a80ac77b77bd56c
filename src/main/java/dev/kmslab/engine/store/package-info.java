/**
 * Persistence of the engine state: the sealed keystore journal (and the single-file keystore it migrates from), master
 * key sources, and the JSON codecs.
 */
package dev.kmslab.engine.store;
