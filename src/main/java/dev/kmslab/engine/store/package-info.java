/** Persistence of the engine state: the sealed keystore file, master key sources, and the JSON codecs. */
package dev.kmslab.engine.store;
