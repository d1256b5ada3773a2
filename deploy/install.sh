#!/bin/sh
# Installs motion-in-ocean as a systemd service on Raspberry Pi OS or Debian, without Docker.
#
#   ./mvnw -B package -DskipTests              # builds target/mio.jar (or copy a built jar here)
#   sudo deploy/install.sh webcam              # a webcam node (port 8000)
#   sudo deploy/install.sh management          # the hub (port 8001); both may share one host
#   sudo deploy/install.sh --dry-run webcam    # print what would change, change nothing
#
# Safe to run again (after an upgrade, say): it replaces the jar and the unit when they differ,
# restarts a running unit whose files changed, and never overwrites /etc/mio/<mode>.env.
#
# Options:
#   --dry-run        print the steps, change nothing
#   --jar PATH       the jar to install (default: target/mio.jar next to this script's repo)
#   --java-home DIR  a JDK/JRE 25 or newer (default: $JAVA_HOME, then /usr/lib/jvm/*)
#   --root DIR       install under DIR instead of / and skip systemctl (for packaging, tests)
#   --no-start       enable the unit but do not start or restart it
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
dry_run=false
root=
jar="$repo/target/mio.jar"
java_home=${JAVA_HOME:-}
explicit_java=false
start=true
modes=

usage() {
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

die() {
  echo "install.sh: $*" >&2
  exit 1
}

# Runs a command, or only prints it with --dry-run.
run() {
  echo "+ $*"
  if [ "$dry_run" != true ]; then
    "$@"
  fi
}

while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=true; shift ;;
    --jar) jar=${2:?--jar needs a path}; shift 2 ;;
    --java-home) java_home=${2:?--java-home needs a directory}; explicit_java=true; shift 2 ;;
    --root) root=${2:?--root needs a directory}; shift 2 ;;
    --no-start) start=false; shift ;;
    -h|--help) usage 0 ;;
    webcam|management) modes="$modes $1"; shift ;;
    *) echo "install.sh: unknown argument '$1'" >&2; usage 2 ;;
  esac
done
[ -n "$modes" ] || { echo "install.sh: name a mode: webcam or management" >&2; usage 2; }
root=${root%/}

# ---- checks -------------------------------------------------------------------------------------

if [ -z "$root" ] && [ "$dry_run" != true ] && [ "$(id -u)" -ne 0 ]; then
  die "needs root to write /opt/mio, /etc/mio and the unit: run it with sudo (or --dry-run)"
fi
[ -f "$jar" ] || die "no jar at $jar: build it with ./mvnw -B package -DskipTests, or pass --jar"

# True when DIR holds a java binary of version 25 or newer ("25.0.3", "25-ea", "26").
is_java25() {
  [ -x "$1/bin/java" ] || return 1
  major=$("$1/bin/java" -version 2>&1 | sed -n '1s/^[^"]*"\([0-9][0-9]*\).*/\1/p')
  [ -n "$major" ] && [ "$major" -ge 25 ]
}

find_java_home() {
  for candidate in "$java_home" /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/java-2[5-9]-* \
      /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && is_java25 "$candidate"; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if [ "$explicit_java" = true ] && ! is_java25 "$java_home"; then
  die "--java-home $java_home is not Java 25 or newer"
fi
java_home=$(find_java_home) || die "no Java 25 or newer found (looked at \$JAVA_HOME and" \
  "/usr/lib/jvm). Install Temurin 25 (apt install temurin-25-jre from packages.adoptium.net)" \
  "or openjdk-25-jre-headless where your release has it, or pass --java-home DIR."
echo "java: $java_home ($("$java_home/bin/java" -version 2>&1 | head -n 1))"

# ---- files --------------------------------------------------------------------------------------

changed=false

# Copies $1 to $2 with mode $3 unless $2 already has the same bytes.
install_file() {
  if [ -f "$2" ] && cmp -s "$1" "$2"; then
    echo "unchanged: $2"
  else
    run install -D -m "$3" "$1" "$2"
    changed=true
  fi
}

run install -d -m 0755 "$root/opt/mio"
install_file "$jar" "$root/opt/mio/mio.jar" 0644
if [ -f "$repo/docs/DEPLOYMENT.md" ]; then
  install_file "$repo/docs/DEPLOYMENT.md" "$root/opt/mio/DEPLOYMENT.md" 0644
fi
if [ "$(readlink "$root/opt/mio/jre" 2>/dev/null || true)" = "$java_home" ]; then
  echo "unchanged: $root/opt/mio/jre -> $java_home"
else
  run ln -sfn "$java_home" "$root/opt/mio/jre"
  changed=true
fi
run install -d -m 0755 "$root/etc/mio"
# A new jar or JRE means every unit restarts; a new unit file only restarts its own.
shared_changed=$changed

for mode in $modes; do
  env_file="$root/etc/mio/$mode.env"
  if [ -e "$env_file" ]; then
    echo "kept: $env_file (yours; compare with $here/compose/$mode.env.example after upgrades)"
  else
    # 0600: the file may hold tokens; systemd reads it as root before dropping privileges.
    run install -m 0600 "$here/compose/$mode.env.example" "$env_file"
  fi
  changed=$shared_changed
  install_file "$here/systemd/mio-$mode.service" "$root/etc/systemd/system/mio-$mode.service" 0644

  # ---- service ----------------------------------------------------------------------------------
  if [ -n "$root" ]; then
    echo "skipped: systemctl (installing under --root $root)"
    continue
  fi
  run systemctl daemon-reload
  run systemctl enable "mio-$mode.service"
  if [ "$start" != true ]; then
    echo "not started (--no-start): sudo systemctl start mio-$mode"
  elif [ "$dry_run" = true ]; then
    echo "+ systemctl restart mio-$mode.service (if running and changed; else start)"
  elif systemctl is-active --quiet "mio-$mode.service" && [ "$changed" = true ]; then
    run systemctl restart "mio-$mode.service"
  else
    run systemctl start "mio-$mode.service"
  fi
done

# ---- what next --------------------------------------------------------------------------------

for mode in $modes; do
  case "$mode" in
    webcam)
      for tool in rpicam-vid ffmpeg; do
        if command -v "$tool" >/dev/null 2>&1; then found=found; else found=missing; fi
        echo "webcam: $tool $found (csi needs rpicam-vid, usb needs ffmpeg)"
      done
      echo "webcam: settings in /etc/mio/webcam.env; stream at http://$(hostname):8000/" ;;
    management)
      echo "management: settings in /etc/mio/management.env; dashboard at http://$(hostname):8001/"
      echo "management: the API token is generated on first start; see" \
        "journalctl -u mio-management | grep -i token" ;;
  esac
done
