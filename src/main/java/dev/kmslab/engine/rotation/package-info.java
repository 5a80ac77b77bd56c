/** Key rotation (automatic and on demand) and the scheduled work (rotations, deletions, expiries) due before calls. */
package dev.kmslab.engine.rotation;
