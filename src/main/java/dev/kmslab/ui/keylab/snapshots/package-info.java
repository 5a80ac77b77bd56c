/**
 * Lab snapshots: the whole Key Lab (keystores, audit trail, clock) saved under a name, restored, or reset to a fresh
 * lab, from the Key Lab's clock bar.
 */
package dev.kmslab.ui.keylab.snapshots;
