#!/usr/bin/env bash
# Builds the installable app with the JDK's jlink and jpackage (run by `mvn -Ppackage package`, after the runnable jar):
#   target/jpackage/runtime        a Java runtime trimmed to the modules the app needs, with its CDS archive
#   target/jpackage/image/kms-lab  the app image (launcher bin/kms-lab, the jar, the runtime)
#   target/jpackage/*.deb          the Debian package (and *.rpm where rpmbuild exists)
# Usage: jpackage.sh <basedir> <target dir> <version>
set -euo pipefail
base=$1; target=$2; version=$3
out=$target/jpackage
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
rm -rf "$out"
mkdir -p "$out/input"
cp "$target/kms-lab.jar" "$out/input/"

# The modules the jar needs (jdeps), plus those it reaches only through services or reflection: elliptic-curve
# crypto (ECDSA P-384 signatures of the AWS Encryption SDK), PKCS#11 (custom key stores), the zip file system,
# extra charsets and locale data, and the JDK's HTTP server (the local KMS endpoint).
modules=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$out/input/kms-lab.jar")
modules="$modules,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.charsets,jdk.localedata,jdk.httpserver,jdk.unsupported"
# --generate-cds-archive: the runtime ships the class-data sharing archive of its own classes, so start-up maps them
# instead of loading and verifying them.
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --generate-cds-archive --output "$out/runtime"
echo "runtime modules: $modules"

common=(--name kms-lab --app-version "${version%%-*}" --vendor "KMS Lab"
  --description "Learn AWS Key Management Service by using a real in-process key engine.")
"$jdk/bin/jpackage" --type app-image "${common[@]}" --dest "$out/image" \
  --input "$out/input" --main-jar kms-lab.jar --main-class dev.kmslab.Launcher --runtime-image "$out/runtime" \
  --icon "$base/assets/icons/kmslab-256.png" \
  --java-options "-XX:TieredStopAtLevel=1" --java-options "-XX:+UseSerialGC" --java-options "-Xshare:auto"

# Native packages of this platform (Linux here): .deb, and .rpm where rpmbuild exists.
linux=(--linux-shortcut --linux-menu-group "Education" --linux-app-category education
  --linux-package-name kms-lab --linux-deb-maintainer "kmslab@example.invalid")
"$jdk/bin/jpackage" --type deb "${common[@]}" --app-image "$out/image/kms-lab" --dest "$out" "${linux[@]}"
if command -v rpmbuild >/dev/null 2>&1; then
  "$jdk/bin/jpackage" --type rpm "${common[@]}" --app-image "$out/image/kms-lab" --dest "$out" "${linux[@]}"
fi
ls -l "$out"/*.deb "$out"/*.rpm 2>/dev/null || true
