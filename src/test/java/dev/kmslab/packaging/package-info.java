/**
 * The build tool behind {@code mvn -Ppackage package} (test scope, run by exec-maven-plugin like the screenshot
 * tours): {@link dev.kmslab.packaging.Packager} builds the platform's installer. On Linux it runs
 * {@code src/package/jpackage.sh}; on macOS and Windows it runs jdeps, jlink and jpackage itself, from a
 * {@link dev.kmslab.packaging.PackagePlan}, with icons it writes from {@code assets/icons} ({@link
 * dev.kmslab.packaging.IcoWriter}, {@link dev.kmslab.packaging.IcnsWriter}).
 */
package dev.kmslab.packaging;
