#!/usr/bin/env bash
# Builds the installable app with the JDK's jlink and jpackage (run by `mvn -Ppackage package`, after the runnable jar):
#   target/jpackage/runtime        a Java runtime trimmed to the modules the app needs, with its CDS archive
#   target/jpackage/image/kms-lab  the app image (launchers bin/kms-lab and bin/kms-lab-serve, the jar, the runtime, the
#                                  app's CDS archive)
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
took() { echo "$1: $SECONDS s"; SECONDS=0; }  # how long each step took, for the CI step's time budget
took "jdeps and jlink"

common=(--name kms-lab --app-version "${version%%-*}" --vendor "KMS Lab"
  --description "Learn AWS Key Management Service by using a real in-process key engine.")
# The launcher's JVM options (src/package/launcher-jvm-options, shared with the macOS and Windows build); the archive
# below is dumped with the same ones.
mapfile -t jvm_opts < <(grep -Ev '^[[:space:]]*(#|$)' "$base/src/package/launcher-jvm-options")
[ ${#jvm_opts[@]} -gt 0 ] || { echo "jpackage.sh: no JVM options in $base/src/package/launcher-jvm-options"; exit 1; }
# The app's class-data sharing archive (made below): JavaFX's and the app's classes that start-up loads, on top of the
# runtime's archive of JDK classes. -Xlog:cds*=off: a missing or unusable archive (a moved install, a changed jar)
# leaves the JVM on the runtime's archive without a warning.
cds_name=kms-lab-cds.jsa
# -Dkmslab.launcher=installed: `kms-lab serve` then runs in a second JVM without the C1-only limit (ServeJit).
launcher_opts=("${jvm_opts[@]}" -Xshare:auto "-XX:SharedArchiveFile=\$APPDIR/$cds_name" "-Xlog:cds*=off"
  -Dkmslab.launcher=installed)
java_options=()
for o in "${launcher_opts[@]}"; do java_options+=(--java-options "$o"); done
# The second launcher, bin/kms-lab-serve: the local KMS endpoint whatever its arguments (-Dkmslab.command=serve, see
# dev.kmslab.Launcher), with no menu entry (see the packages' options below). Its java-options replace the main
# launcher's (jpackage 17 does not add them together): the same ones without the C1-only limit, so the endpoint runs
# in this JVM with C2's AES-GCM intrinsics, and without the launcher mark (ServeJit has nothing to do). The app's CDS
# archive suits it (same collector; the JIT level does not matter to CDS). linux-shortcut=false is for jpackage 18+
# (17 does not know the key and ignores it). dev.kmslab.packaging.PackagePlan writes the macOS and Windows file.
serve_opts=()
for o in "${launcher_opts[@]}"; do
  case "$o" in -XX:TieredStopAtLevel=*|-Dkmslab.launcher=*) ;; *) serve_opts+=("$o") ;; esac
done
printf 'java-options=%s\nlinux-shortcut=false\n' "${serve_opts[*]} -Dkmslab.command=serve" > "$out/kms-lab-serve.properties"
"$jdk/bin/jpackage" --type app-image "${common[@]}" --dest "$out/image" \
  --input "$out/input" --main-jar kms-lab.jar --main-class dev.kmslab.Launcher --runtime-image "$out/runtime" \
  --icon "$base/assets/icons/kmslab-256.png" "${java_options[@]}" \
  --add-launcher "kms-lab-serve=$out/kms-lab-serve.properties"
image=$out/image/kms-lab
took "app image"

# The archive, made by running the app once through its start-up (--startup-probe, under Xvfb: the same GTK glass
# classes a desktop loads) with -XX:ArchiveClassesAtExit. JDK 17 accepts an archive only where the jar has the path,
# size and modification time it had when the archive was made. Hence the app runs from its install path
# (/opt/kms-lab, jpackage's default on Linux), bind-mounted in a private mount namespace, and the packages give the
# installed jar the same modification time (jpackage's copy does not keep it): the .rpm in its payload, the .deb in
# its postinst. Run from anywhere else (the app image in target/, say), the launcher falls back to the runtime's
# archive.
install_dir=/opt/kms-lab
jar_mtime=$(stat -c %Y "$image/lib/app/kms-lab.jar")
cds_archive() {
  if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "app CDS archive: skipped (no xvfb-run; install xvfb and xauth to have it)"; return 0
  fi
  local ns=(unshare --mount)
  [ "$(id -u)" = 0 ] || ns=(unshare --user --map-root-user --mount)
  if ! "${ns[@]}" true >/dev/null 2>&1; then
    echo "app CDS archive: skipped (${ns[*]} is not allowed here)"; return 0
  fi
  local work; work=$(mktemp -d)
  mkdir "$work/stage"
  # In the namespace: the image on a stage first (it may itself be under /opt), a tmpfs over /opt (no /opt/kms-lab
  # needs to exist), then the stage at the install path; nothing outside the namespace sees any of it.
  # shellcheck disable=SC2016
  if "${ns[@]}" bash -c 'set -e; image=$1 work=$2 dir=$3; shift 3
      mount --bind "$image" "$work/stage"
      mount -t tmpfs tmpfs "$(dirname "$dir")"; mkdir "$dir"; mount --bind "$work/stage" "$dir"
      cd /; exec timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" "$@"' \
      _ "$image" "$work" "$install_dir" \
      "$install_dir/lib/runtime/bin/java" "${jvm_opts[@]}" "-XX:ArchiveClassesAtExit=$install_dir/lib/app/$cds_name" \
      -cp "$install_dir/lib/app/kms-lab.jar" dev.kmslab.Launcher --startup-probe --data-dir "$work/data" \
      > "$out/cds-dump.log" 2>&1 && [ -s "$image/lib/app/$cds_name" ]; then
    echo "app CDS archive: $image/lib/app/$cds_name ($(du -h "$image/lib/app/$cds_name" | cut -f1)," \
      "for $install_dir, jar mtime $jar_mtime)"
  else
    rm -f "$image/lib/app/$cds_name"
    echo "app CDS archive: not made (see $out/cds-dump.log); the launcher uses the runtime's archive"
  fi
  rm -rf "$work"
}
cds_archive
took "app CDS archive"

# Native packages of this platform (Linux here): .deb, and .rpm where rpmbuild exists. Their install scripts are the
# JDK's own templates plus the line that sets the jar's modification time (see above).
resources=$out/resources
mkdir -p "$resources" "$out/templates"
"$jdk/bin/jimage" extract --include 'regex:.*/jdk/jpackage/internal/resources/template\.(postinst|spec|desktop)' \
  --dir "$out/templates" "$jdk/lib/modules"
templates=$out/templates/jdk.jpackage/jdk/jpackage/internal/resources
touch_jar() { echo "touch -m -d @$jar_mtime $1$install_dir/lib/app/kms-lab.jar"; }
# deb: in postinst's configure, before the menu entry (whose failure would end the script).
sed "/^DESKTOP_COMMANDS_INSTALL\$/i $(touch_jar "") || true" "$templates/template.postinst" > "$resources/postinst"
# rpm: in %install, so the payload itself carries the time.
# Also: where `rpm -ql filesystem` fails (a Debian build machine), the template's fallback list of system folders is
# one line, so the package would claim /opt itself; one folder a line, as comm needs.
sed -e "/^cp -r %{_sourcedir}APPLICATION_DIRECTORY/a $(touch_jar "%{buildroot}")" \
  -e 's/|| echo %{default_filesystem}; }/|| echo %{default_filesystem} | tr " " "\\n"; }/' \
  "$templates/template.spec" > "$resources/kms-lab.spec"
# The menu entry: the template's Exec line passes no file, so a double-clicked question pack or lab would start the
# app without it; %F hands over the files (local paths) the file manager opens with the app.
sed 's/^Exec=APPLICATION_LAUNCHER$/Exec=APPLICATION_LAUNCHER %F/' "$templates/template.desktop" > "$resources/kms-lab.desktop"
grep -q '^Exec=APPLICATION_LAUNCHER %F$' "$resources/kms-lab.desktop" \
  || { echo "jpackage.sh: the JDK's .desktop template changed; %F could not be added"; exit 1; }
grep -q "@$jar_mtime" "$resources/postinst" && grep -q "@$jar_mtime" "$resources/kms-lab.spec" \
  || { echo "jpackage.sh: the JDK's package templates changed; the jar's time could not be added"; exit 1; }

# File associations: a double-clicked question pack (.kmslab-pack) or lab (.kmslab-lab) starts the app with the file
# as its argument; the packages register the MIME types (xdg-mime) and name them in the menu entry's MimeType.
associations=(--file-associations "$base/src/package/kmslab-pack.properties"
  --file-associations "$base/src/package/kmslab-lab.properties")
# No --linux-shortcut: the file associations alone give the app its menu entry (the same .desktop file), while
# jpackage 17 gives every added launcher the main launcher's --linux-shortcut (linux-shortcut=false in an
# --add-launcher file is jpackage 18's), which would put kms-lab-serve in the menu.
linux=(--linux-menu-group "Education" --linux-app-category education
  --linux-package-name kms-lab --linux-deb-maintainer "kmslab@example.invalid" --resource-dir "$resources"
  "${associations[@]}")
"$jdk/bin/jpackage" --type deb "${common[@]}" --app-image "$image" --dest "$out" "${linux[@]}"
took ".deb"
if command -v rpmbuild >/dev/null 2>&1; then
  "$jdk/bin/jpackage" --type rpm "${common[@]}" --app-image "$image" --dest "$out" "${linux[@]}"
  took ".rpm"
else
  echo "rpm: skipped (no rpmbuild on PATH; install the rpm package to build the .rpm too)"
fi
ls -l "$out"/*.deb "$out"/*.rpm 2>/dev/null || true
