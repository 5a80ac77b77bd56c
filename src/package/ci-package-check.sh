#!/usr/bin/env bash
# CI check of the Linux package (called by .ci/run after the tests): builds the .deb, installs it with dpkg -i, starts
# the installed launcher with --startup-probe under Xvfb, runs its `serve` and answers `aws kms list-keys`, then
# removes the package. Needs root, dpkg, xvfb-run and the AWS CLI (installed here when missing).
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
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

start=$(date +%s)
# gzip instead of xz: dpkg-deb compresses the 100 MB image several times faster, which keeps this step short.
[ "${KMSLAB_PACKAGE_PREBUILT:-}" = 1 ] || DPKG_DEB_COMPRESSOR_TYPE=gzip mvn -B -ntp -q -Ppackage package -DskipTests
deb=$(ls target/jpackage/kms-lab_*.deb)
echo "package check: built $deb ($(du -h "$deb" | cut -f1))"
# The package's scripts add and remove the menu entry with xdg-desktop-menu, which fails on a machine that has no
# desktop menu folders at all (a headless CI machine); a desktop system has them.
mkdir -p /etc/xdg/menus/applications-merged /usr/share/applications /usr/share/desktop-directories
# dpkg -i does not fetch dependencies; when a library the package names is missing, apt-get -f brings it.
dpkg -i "$deb" >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -f >/dev/null
dpkg -s kms-lab | grep -q '^Status: install ok installed' || { echo "package check: dpkg -i failed"; exit 1; }
launcher=/opt/kms-lab/bin/kms-lab
data=$(mktemp -d)
serve_pid=
cleanup() {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null || true
  dpkg -r kms-lab >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT

probe=$(timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" "$launcher" --startup-probe --data-dir "$data/app")
echo "package check: installed app $probe"
case "$probe" in *startup_ms=*) ;; *) echo "package check: --startup-probe printed no start-up time"; exit 1 ;; esac

port=45991
"$launcher" serve --port "$port" --data-dir "$data/serve" > "$data/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 1 60); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  sleep 0.5
done
keys=$(AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true \
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
  timeout 60 aws --endpoint-url "http://127.0.0.1:$port" kms list-keys --output json) || {
  echo "package check: aws kms list-keys against the installed serve failed"; cat "$data/serve.log"; exit 1; }
case "$keys" in *'"Keys"'*) ;; *) echo "package check: unexpected list-keys answer: $keys"; exit 1 ;; esac
echo "package check: installed serve answered aws kms list-keys"
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=
dpkg -r kms-lab >/dev/null
dpkg -P kms-lab >/dev/null 2>&1 || true
[ ! -e "$launcher" ] || { echo "package check: $launcher still there after dpkg -r"; exit 1; }
echo "package check: removed; took $(( $(date +%s) - start )) s"
