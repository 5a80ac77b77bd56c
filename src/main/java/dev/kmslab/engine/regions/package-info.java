/** Multi-Region key operations across linked Regions: ReplicateKey and UpdatePrimaryRegion. */
package dev.kmslab.engine.regions;
