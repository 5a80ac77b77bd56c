#!/usr/bin/env bash
# CI check of the Linux package (called by .ci/run after the tests): builds the .deb, installs it with dpkg -i, starts
# the installed launcher with --startup-probe under Xvfb (once mapping the app's class-data sharing archive, once with
# that archive made unusable), checks the file associations it registers (question packs and labs: the menu entry's
# MimeType and %F, the MIME database), runs its `serve` and answers `aws kms list-keys`, does the same with the
# endpoint's own launcher kms-lab-serve (its own JVM, the full JIT, no menu entry), then removes the package.
# Where rpm is installed it also reads the .rpm's header and file list and, once the .deb is removed, installs the
# .rpm for real (rpm -i), starts that launcher with --startup-probe, checks the file associations its %post
# registered, and removes it with rpm -e. Needs root, dpkg, xvfb-run and the AWS CLI (installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v dpkg >/dev/null 2>&1; then
  echo "package check: no dpkg on this machine, skipped"
  exit 0
fi
need=()
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb xauth)
command -v fakeroot >/dev/null 2>&1 || need+=(fakeroot)
command -v objcopy >/dev/null 2>&1 || need+=(binutils)
command -v xdg-desktop-menu >/dev/null 2>&1 || need+=(xdg-utils)  # the .deb depends on it for the menu entry
command -v update-mime-database >/dev/null 2>&1 || need+=(shared-mime-info)  # xdg-mime install runs it
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

start=$(date +%s)
# gzip instead of xz: dpkg-deb compresses the 100 MB image several times faster, which keeps this step short.
[ "${KMSLAB_PACKAGE_PREBUILT:-}" = 1 ] || DPKG_DEB_COMPRESSOR_TYPE=gzip mvn -B -ntp -q -Ppackage package -DskipTests
deb=$(ls target/jpackage/kms-lab_*.deb)
echo "package check: built $deb ($(du -h "$deb" | cut -f1)), app image $(du -sh target/jpackage/image/kms-lab | cut -f1)"
version=$(dpkg-deb -f "$deb" Version)
data=$(mktemp -d)
serve_pid=
installed=
rpm_installed=
cleanup() {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null || true
  [ -z "$installed" ] || dpkg -r kms-lab >/dev/null 2>&1 || true
  [ -z "$rpm_installed" ] || rpm -e --nodeps kms-lab >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT
mime_types=(application/x-kmslab-pack application/x-kmslab-lab)
# A menu entry (.desktop) that opens question packs and labs: both MIME types, and %F so the file reaches the app.
check_desktop() {  # <file> <where>
  local t
  for t in "${mime_types[@]}"; do
    grep -Eq "^MimeType=(.*;)?$t(;|\$)" "$1" || { echo "package check: $2 $1 lacks MimeType $t:"; cat "$1"; exit 1; }
  done
  grep -Eq '^Exec=.* %F$' "$1" || { echo "package check: $2 $1 passes no file (Exec without %F):"; cat "$1"; exit 1; }
}
check_mime_xml() {  # <file> <where>
  local ext
  for ext in kmslab-pack kmslab-lab; do
    grep -q "<mime-type type=\"application/x-$ext\">" "$1" && grep -q "<glob pattern=\"\*.$ext\">" "$1" \
      || { echo "package check: $2 $1 does not define application/x-$ext for *.$ext:"; cat "$1"; exit 1; }
  done
}
if command -v rpm >/dev/null 2>&1; then
  rpmfile=$(ls target/jpackage/kms-lab-*.rpm 2>/dev/null) || { echo "package check: rpm is here but no .rpm was built"; exit 1; }
  info=$(rpm -qpi "$rpmfile" 2>/dev/null)
  files=$(rpm -qpl "$rpmfile" 2>/dev/null)
  grep -q '^Name *: kms-lab$' <<< "$info" && grep -q "^Version *: ${version%-*}\$" <<< "$info" \
    || { echo "package check: unexpected .rpm header: $info"; exit 1; }
  for f in /opt/kms-lab/bin/kms-lab /opt/kms-lab/bin/kms-lab-serve /opt/kms-lab/lib/kms-lab-kms-lab.desktop \
      /opt/kms-lab/lib/app/kms-lab.jar /opt/kms-lab/lib/app/kms-lab-cds.jsa; do
    grep -qx "$f" <<< "$files" || { echo "package check: the .rpm lacks $f"; exit 1; }
  done
  if grep -qx /opt <<< "$files"; then echo "package check: the .rpm claims /opt"; exit 1; fi
  rpm -qp --scripts "$rpmfile" 2>/dev/null | grep -q 'xdg-desktop-menu install /opt/kms-lab/lib/kms-lab-kms-lab.desktop' \
    || { echo "package check: the .rpm does not install its menu entry"; exit 1; }
  rpm -qp --scripts "$rpmfile" 2>/dev/null | grep -q 'xdg-mime install /opt/kms-lab/lib/kms-lab-kms-lab-MimeInfo.xml' \
    || { echo "package check: the .rpm does not register its file types"; exit 1; }
  ! rpm -qp --scripts "$rpmfile" 2>/dev/null | grep -q 'kms-lab-serve' && ! grep -q 'kms-lab-serve.*\.desktop$' <<< "$files" \
    || { echo "package check: the .rpm has a menu entry for kms-lab-serve"; exit 1; }
  rpm_jar_mtime=$(rpm -qp --queryformat '[%{FILEMTIMES} %{FILENAMES}\n]' "$rpmfile" 2>/dev/null \
    | awk '$2 == "/opt/kms-lab/lib/app/kms-lab.jar" { print $1 }')
  echo "package check: built $rpmfile ($(du -h "$rpmfile" | cut -f1)): kms-lab ${version%-*}, launcher, menu entry," \
    "file types, CDS archive (installed below, after the .deb)"
else
  echo "package check: no rpm on this machine, the .rpm is not checked"
fi
# The package's scripts add and remove the menu entry with xdg-desktop-menu, which fails on a machine that has no
# desktop menu folders at all (a headless CI machine); a desktop system has them.
mkdir -p /etc/xdg/menus/applications-merged /usr/share/applications /usr/share/desktop-directories
# dpkg -i does not fetch dependencies; when a library the package names is missing, apt-get -f brings it.
dpkg -i "$deb" >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -f >/dev/null
dpkg -s kms-lab | grep -q '^Status: install ok installed' || { echo "package check: dpkg -i failed"; exit 1; }
installed=1
# File associations: the package's menu entry and MIME types, and their installed copies: the menu entry in
# /usr/share/applications (xdg-desktop-menu) and the types in the shared MIME database (xdg-mime install).
# xdg-utils install into the first writable of /usr/local/share and /usr/share.
installed_copy() {  # <path under share>: prints the installed file, or fails naming where it looked
  local d
  for d in /usr/local/share /usr/share; do [ -e "$d/$1" ] && { echo "$d/$1"; return 0; }; done
  echo "package check: there is no $1 under /usr/local/share or /usr/share" >&2; return 1
}
check_registered() {  # <package kind> <install command>; sets mime_db
  check_desktop /opt/kms-lab/lib/kms-lab-kms-lab.desktop "the $1's"
  check_mime_xml /opt/kms-lab/lib/kms-lab-kms-lab-MimeInfo.xml "the $1's"
  check_desktop "$(installed_copy applications/kms-lab-kms-lab.desktop)" "after $2, the installed"
  local mime_xml t
  mime_xml=$(installed_copy mime/packages/kms-lab-kms-lab-MimeInfo.xml)
  check_mime_xml "$mime_xml" "after $2, the installed"
  mime_db=$(dirname "$(dirname "$mime_xml")")
  for t in "${mime_types[@]}"; do
    [ -s "$mime_db/$t.xml" ] && grep -q ":\*\.${t#application/x-}$" "$mime_db/globs2" \
      || { echo "package check: the MIME database $mime_db does not know $t after $2"; exit 1; }
  done
  echo "package check: $2: file associations ${mime_types[*]} (*.kmslab-pack, *.kmslab-lab), menu entry with %F"
}
check_removed() {  # <remove command>
  [ ! -e /opt/kms-lab ] || { echo "package check: /opt/kms-lab still there after $1: $(ls -R /opt/kms-lab | head)"; exit 1; }
  ! grep -q kmslab "$mime_db/globs2" && ! installed_copy applications/kms-lab-kms-lab.desktop >/dev/null 2>&1 \
    || { echo "package check: the file associations are still registered after $1"; exit 1; }
}
check_registered .deb "dpkg -i"
launcher=/opt/kms-lab/bin/kms-lab
serve_launcher=/opt/kms-lab/bin/kms-lab-serve
# The endpoint's launcher has no menu entry: none in the package, none installed, none in the menu folders.
[ -x "$serve_launcher" ] || { echo "package check: the .deb has no $serve_launcher"; exit 1; }
menu_entries=$(ls /opt/kms-lab/lib /usr/share/applications /usr/local/share/applications 2>/dev/null | grep '\.desktop$' || true)
! grep -q 'kms-lab-serve' <<< "$menu_entries" && ! grep -q 'kms-lab-serve' /var/lib/dpkg/info/kms-lab.postinst \
  || { echo "package check: a menu entry for kms-lab-serve was installed:" $menu_entries; exit 1; }
grep -q 'kms-lab-kms-lab\.desktop' <<< "$menu_entries" \
  || { echo "package check: the app's menu entry is missing:" $menu_entries; exit 1; }
echo "package check: kms-lab's menu entries:" $(grep kms-lab <<< "$menu_entries")

probe() {  # prints the probe's output; the JVM's class-loading log goes to $data/classes.log
  JAVA_TOOL_OPTIONS="-Xlog:class+load:file=$data/classes.log" \
    timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" "$launcher" --startup-probe --data-dir "$data/app" 2>&1
}
out=$(probe)
case "$out" in *startup_ms=*) ;; *) echo "package check: --startup-probe printed no start-up time: $out"; exit 1 ;; esac
# Classes the JVM took from the app's archive (the dynamic "top" layer) rather than from the jar.
from_app_archive=$(grep -c 'source: shared objects file (top)' "$data/classes.log" || true)
from_jar=$(grep -c 'source: file:' "$data/classes.log" || true)
echo "package check: installed app $(grep -o 'startup_ms=[0-9]*' <<< "$out"), classes from the app's CDS archive:" \
  "$from_app_archive, from the jar: $from_jar"
# The archive is made in a private mount namespace; a machine that forbids one (an unprivileged container) builds
# the package without it, which costs start-up time, not function: say so loudly and check the rest.
if [ ! -e /opt/kms-lab/lib/app/kms-lab-cds.jsa ] && ! unshare --mount true >/dev/null 2>&1; then
  echo "package check: WARNING: this machine forbids mount namespaces, so the package has no app CDS archive;" \
    "its checks are skipped"
  skip_archive_checks=1
else
  [ "$from_app_archive" -gt 1000 ] || { echo "package check: the app's CDS archive was not used" \
    "(see the build's \"app CDS archive:\" line and target/jpackage/cds-dump.log)"; exit 1; }
fi
if [ -z "${skip_archive_checks:-}" ]; then
  # A jar the archive was not made for (here: a new modification time): the JVM falls back without a word.
  jar=/opt/kms-lab/lib/app/kms-lab.jar
  jar_mtime=$(stat -c %Y "$jar")
  # The .rpm's payload and the .deb's postinst give the jar the time the archive was made with.
  [ -z "${rpm_jar_mtime:-}" ] || [ "$rpm_jar_mtime" = "$jar_mtime" ] \
    || { echo "package check: jar time $jar_mtime after dpkg -i, $rpm_jar_mtime in the .rpm"; exit 1; }
  touch "$jar"
  out=$(probe)
  touch -m -d "@$jar_mtime" "$jar"
  case "$out" in *startup_ms=*) ;; *) echo "package check: no start-up with a mismatched archive: $out"; exit 1 ;; esac
  if grep -qi '\[cds\|shared archive' <<< "$out"; then echo "package check: a mismatched archive was reported: $out"; exit 1; fi
  [ "$(grep -c 'shared objects file (top)' "$data/classes.log" || true)" = 0 ] \
    || { echo "package check: a mismatched archive was used"; exit 1; }
  echo "package check: with the archive mismatched the app starts as usual ($(grep -o 'startup_ms=[0-9]*' <<< "$out"))"
fi

port=45991
# Waits for the endpoint on $port, then asks it `aws kms list-keys`; exits naming <what> and showing <log> if not.
answers_list_keys() {  # <what> <log>
  local keys
  for _ in $(seq 1 60); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    sleep 0.5
  done
  keys=$(AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true \
    AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
    timeout 60 aws --endpoint-url "http://127.0.0.1:$port" kms list-keys --output json) || {
    echo "package check: aws kms list-keys against $1 failed"; cat "$2"; exit 1; }
  case "$keys" in *'"Keys"'*) ;; *) echo "package check: unexpected list-keys answer from $1: $keys"; exit 1 ;; esac
}
"$launcher" serve --port "$port" --data-dir "$data/serve" > "$data/serve.log" 2>&1 &
serve_pid=$!
answers_list_keys "the installed serve" "$data/serve.log"
echo "package check: installed serve answered aws kms list-keys"
# The launcher's JVM runs C1 only (the faster GUI start), whose AES-GCM lacks the JIT's intrinsics; serve runs in a
# second JVM with the full JIT (ServeJit). The JVM listening on the port: a child of the launcher, without the C1
# limit on its command line, and with a C2 compiler thread (a C1-only JVM has none).
listener() { ss -Hltnp "sport = :$port" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | sed -n 1p; }
jvm=$(listener)
[ -n "$jvm" ] && [ "$jvm" != "$serve_pid" ] && [ "$(ps -o ppid= -p "$jvm" | tr -d ' ')" = "$serve_pid" ] \
  || { echo "package check: serve listens in process '$jvm', not in a JVM the launcher ($serve_pid) started"; exit 1; }
if grep -qa TieredStopAtLevel "/proc/$jvm/cmdline"; then
  echo "package check: the serve JVM runs C1 only: $(tr '\0' ' ' < "/proc/$jvm/cmdline")"; exit 1
fi
grep -q '^C2 CompilerThre' /proc/"$jvm"/task/*/comm \
  || { echo "package check: the serve JVM has no C2 compiler thread"; exit 1; }
! grep -q '^C2 CompilerThre' /proc/"$serve_pid"/task/*/comm \
  || { echo "package check: the launcher's JVM has a C2 compiler thread; is it still C1 only?"; exit 1; }
# Stopping the launcher stops the endpoint (a shutdown hook ends the child), and a launcher killed outright leaves
# no endpoint behind either (the child watches it).
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=
# (Gone or a zombie: a container's first process may not reap the orphan.)
running() { [ -e "/proc/$1" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null; }
for _ in $(seq 1 20); do running "$jvm" || break; sleep 0.5; done
! running "$jvm" || { echo "package check: the serve JVM $jvm outlived its launcher's kill"; exit 1; }
"$launcher" serve --port "$port" --data-dir "$data/serve" > "$data/serve.log" 2>&1 &
serve_pid=$!
jvm=
for _ in $(seq 1 60); do
  jvm=$(listener)
  [ -z "$jvm" ] || break
  sleep 0.5
done
[ -n "$jvm" ] || { echo "package check: serve did not start again"; cat "$data/serve.log"; exit 1; }
kill -KILL "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=
for _ in $(seq 1 20); do running "$jvm" || break; sleep 0.5; done
! running "$jvm" || { echo "package check: the serve JVM $jvm outlived its launcher's kill -9"; exit 1; }
echo "package check: installed serve ran in a JVM with the full JIT (C2) and stopped with its launcher (kill, kill -9)"
# kms-lab-serve: the endpoint whatever its arguments (-Dkmslab.command=serve), in the launcher's own JVM with the
# default JIT (its options have no TieredStopAtLevel, so ServeJit starts no second JVM), on the app's CDS archive.
serve_cfg=/opt/kms-lab/lib/app/kms-lab-serve.cfg
grep -qx 'java-options=-Dkmslab.command=serve' "$serve_cfg" && ! grep -q 'TieredStopAtLevel' "$serve_cfg" \
  || { echo "package check: unexpected $serve_cfg:"; cat "$serve_cfg"; exit 1; }
help=$(timeout 60 "$serve_launcher" --help 2>&1) || { echo "package check: kms-lab-serve --help failed: $help"; exit 1; }
case "$help" in 'usage: kms-lab serve [options]'*) ;; *) echo "package check: kms-lab-serve --help printed: $help"; exit 1 ;; esac
JAVA_TOOL_OPTIONS="-Xlog:class+load:file=$data/serve-classes.log" \
  "$serve_launcher" --port "$port" --data-dir "$data/serve" > "$data/serve-launcher.log" 2>&1 &
serve_pid=$!
answers_list_keys "kms-lab-serve" "$data/serve-launcher.log"
jvm=$(listener)
[ "$jvm" = "$serve_pid" ] \
  || { echo "package check: kms-lab-serve ($serve_pid) does not listen itself (the listener is '$jvm')"; exit 1; }
[ -z "$(ps -o pid= --ppid "$serve_pid")" ] \
  || { echo "package check: kms-lab-serve started a child: $(ps -o pid,args --ppid "$serve_pid")"; exit 1; }
grep -q '^C2 CompilerThre' /proc/"$serve_pid"/task/*/comm \
  || { echo "package check: kms-lab-serve's JVM has no C2 compiler thread"; exit 1; }
if grep -v '^Picked up JAVA_TOOL_OPTIONS' "$data/serve-launcher.log" | grep -qi 'warning\|\[cds\|shared archive'; then
  echo "package check: kms-lab-serve printed a warning:"; cat "$data/serve-launcher.log"; exit 1
fi
from_app_archive=$(grep -c 'source: shared objects file (top)' "$data/serve-classes.log" || true)
[ -n "${skip_archive_checks:-}" ] || [ "$from_app_archive" -gt 0 ] \
  || { echo "package check: kms-lab-serve did not use the app's CDS archive"; exit 1; }
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=
echo "package check: kms-lab-serve answered aws kms list-keys in its own JVM (C2, no child JVM, no warning)," \
  "classes from the app's CDS archive: $from_app_archive"
dpkg -r kms-lab >/dev/null
dpkg -P kms-lab >/dev/null 2>&1 || true
installed=
[ ! -e "$launcher" ] || { echo "package check: $launcher still there after dpkg -r"; exit 1; }
check_removed "dpkg -r"
echo "package check: .deb removed"

# The .rpm, installed for real. Debian's rpm keeps its own database (no system packages in it, hence --nodeps for
# xdg-utils and /bin/sh) and refuses to install without --force-debian; an rpm-based system needs neither.
if [ -n "${rpmfile:-}" ]; then
  rpm_opts=(--nodeps)
  if rpm --help 2>&1 | grep -q -- --force-debian; then rpm_opts+=(--force-debian); fi
  rpm -i "${rpm_opts[@]}" "$rpmfile" > "$data/rpm-i.log" 2>&1 \
    || { echo "package check: rpm -i ${rpm_opts[*]} $rpmfile failed:"; cat "$data/rpm-i.log"; exit 1; }
  rpm_installed=1
  rpm -q kms-lab >/dev/null || { echo "package check: rpm -q kms-lab knows no kms-lab after rpm -i"; exit 1; }
  check_registered .rpm "rpm -i"
  [ "$(stat -c %Y /opt/kms-lab/lib/app/kms-lab.jar)" = "$rpm_jar_mtime" ] \
    || { echo "package check: after rpm -i the jar's time is not the one its CDS archive was made with"; exit 1; }
  out=$(probe)
  case "$out" in *startup_ms=*) ;; *) echo "package check: the .rpm's launcher did not start: $out"; exit 1 ;; esac
  from_app_archive=$(grep -c 'source: shared objects file (top)' "$data/classes.log" || true)
  [ -n "${skip_archive_checks:-}" ] || [ "$from_app_archive" -gt 1000 ] \
    || { echo "package check: the .rpm's launcher did not use the app's CDS archive"; exit 1; }
  echo "package check: rpm -i: installed app $(grep -o 'startup_ms=[0-9]*' <<< "$out"), classes from the app's" \
    "CDS archive: $from_app_archive"
  # (Debian's rpm warns on stderr that Alien should be used; its %preun says what it unregisters.)
  rpm -e kms-lab > "$data/rpm-e.log" 2>&1 || { echo "package check: rpm -e kms-lab failed:"; cat "$data/rpm-e.log"; exit 1; }
  rpm_installed=
  ! rpm -q kms-lab >/dev/null 2>&1 || { echo "package check: rpm -q still knows kms-lab after rpm -e"; exit 1; }
  check_removed "rpm -e"
  echo "package check: .rpm removed"
fi
echo "package check: took $(( $(date +%s) - start )) s"
