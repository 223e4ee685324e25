#!/bin/bash
# Publishes the linux-arm64 and linux-x64 releases, runs the example pipeline and the demo with each (arm64
# under qemu-user), and checks the results are the same bit for bit. What the README's Raspberry Pi section
# promises, checked on a machine without a Pi. Usage: scripts/check-arm64.sh [WORK_DIR]  (as root it installs
# qemu-user-static and the arm64 libraries it needs from Debian).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d /tmp/rtl-arm64.XXXXXX)}
mkdir -p "$work"

arm64_libs="libc6:arm64 libstdc++6:arm64 libgcc-s1:arm64 libfontconfig1:arm64 libssl3:arm64"
if ! command -v qemu-aarch64-static >/dev/null || [ ! -e /lib/ld-linux-aarch64.so.1 ] || [ ! -e /usr/lib/aarch64-linux-gnu/libfontconfig.so.1 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "check-arm64: needs qemu-user-static and $arm64_libs (after dpkg --add-architecture arm64); run as root to install them" >&2
    exit 1
  fi
  dpkg --add-architecture arm64
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qemu-user-static $arm64_libs >/dev/null
fi

# The linux-arm64 release must fit the Raspberry Pi target (README, Releases): a change that grows it past this fails.
max_arm64_bytes=100000000

publish() { # RID
  echo "== dotnet publish src/Silo -c Release -r $1 -o $work/$1"
  dotnet publish "$repo/src/Silo" -c Release -r "$1" -o "$work/$1" -nologo -v q
  local bytes
  bytes=$(du -sb "$work/$1" | cut -f1)
  echo "   $(awk -v b="$bytes" 'BEGIN {printf "%.1f MB", b/1e6}') on disk"
  if [ "$1" = linux-arm64 ] && [ "$bytes" -gt "$max_arm64_bytes" ]; then
    echo "check-arm64: the linux-arm64 release is $bytes bytes, over the $max_arm64_bytes the README promises" >&2
    exit 1
  fi
}

# The trimmed release still serves the web app and the Orleans dashboard (its page, script and data API): the
# trimmer drops framework parts nothing references, so a dashboard that reached one by reflection would show here.
check_web() { # RID
  local rid=$1 dir=$work/web-$1 port
  # Three free ports below the ephemeral range (an outgoing connection cannot take them meanwhile).
  while :; do
    port=$(( 20000 + RANDOM % 8000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || (exec 3<>"/dev/tcp/127.0.0.1/$((port + 1))") 2>/dev/null \
      || (exec 3<>"/dev/tcp/127.0.0.1/$((port + 2))") 2>/dev/null || break
  done
  rm -rf "$dir"; mkdir -p "$dir"
  echo "== $rid: rtl silo, then its web app and dashboard"
  run_rtl "$rid" silo --data-dir "$dir" --silo-port "$port" --gateway-port $((port + 1)) --web-port $((port + 2)) > "$dir/silo.log" 2>&1 &
  local silo=$! url=http://127.0.0.1:$((port + 2)) path
  for _ in $(seq 600); do curl -sf -o /dev/null "$url/" && break; sleep 0.5; done
  for path in / /streams /api/jobs /dashboard/ /dashboard/index.min.js /dashboard/DashboardCounters; do
    curl -sf -o /dev/null "$url$path" || { echo "check-arm64: $rid $path did not answer 200"; kill $silo; cat "$dir/silo.log"; exit 1; }
  done
  # The dashboard gathers its figures every few seconds: wait (bounded) until they list this silo as active.
  local listed=
  for _ in $(seq 120); do
    curl -sf "$url/dashboard/DashboardCounters" | grep -q '"siloStatus":3' && { listed=1; break; }
    sleep 0.5
  done
  [ -n "$listed" ] || { echo "check-arm64: $rid dashboard listed no active silo within 60 s"; kill $silo; cat "$dir/silo.log"; exit 1; }
  kill $silo; wait $silo 2>/dev/null || true
  echo "   web app and dashboard answered"
}

# arm64 runs under qemu-user. W^X off for the emulated run only: with it on, qemu-user dies in the JIT's
# double mapping (a NullReferenceException in Orleans start-up, a stack overflow), a qemu issue, not a Pi's.
run_rtl() { # RID ARGS…
  local rid=$1; shift
  if [ "$rid" = linux-arm64 ]; then
    DOTNET_EnableWriteXorExecute=0 qemu-aarch64-static "$work/$rid/rtl" "$@"
  else
    "$work/$rid/rtl" "$@"
  fi
}

check() { # RID
  local rid=$1 out=$work/out-$1
  rm -rf "$out"; mkdir -p "$out"
  echo "== $rid: rtl --version"
  run_rtl "$rid" --version
  echo "== $rid: rtl run examples/pipeline.json --input examples/readings.csv --embedded"
  (cd "$repo" && run_rtl "$rid" run examples/pipeline.json --input examples/readings.csv --embedded \
     --data-dir "$out/run" --output "$out/pipeline.npy" > "$out/run.log" 2>&1) || { cat "$out/run.log"; exit 1; }
  echo "== $rid: rtl demo --no-wait"
  run_rtl "$rid" demo --no-wait --data-dir "$out" > "$out/demo.log" 2>&1 || { cat "$out/demo.log"; exit 1; }
  grep -q "^Plots: 5 PNG" "$out/demo.log" || { echo "check-arm64: $rid demo wrote no 5 plots"; cat "$out/demo.log"; exit 1; }
}

publish linux-x64
publish linux-arm64
for rid in linux-x64 linux-arm64; do check $rid; done
check_web linux-x64

echo "== comparing linux-arm64 with linux-x64"
cmp "$work/out-linux-x64/pipeline.npy" "$work/out-linux-arm64/pipeline.npy"
echo "   example pipeline: result.npy identical ($(stat -c %s "$work/out-linux-x64/pipeline.npy") bytes)"
x64_demo=$(ls "$work"/out-linux-x64/demo/jobs/*/result.npy)
arm64_demo=$(ls "$work"/out-linux-arm64/demo/jobs/*/result.npy)
cmp "$x64_demo" "$arm64_demo"
echo "   demo (dev.py): result.npy identical ($(stat -c %s "$x64_demo") bytes)"
for png in "$work"/out-linux-x64/demo/jobs/*/plots/*.png; do
  arm=$(ls "$work"/out-linux-arm64/demo/jobs/*/plots/"$(basename "$png")")
  head -c 8 "$arm" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a" || { echo "check-arm64: $arm is not a PNG"; exit 1; }
  if cmp -s "$png" "$arm"; then same=identical; else same="differs (rasterised text), $(stat -c %s "$arm") vs $(stat -c %s "$png") bytes"; fi
  echo "   plot $(basename "$png"): PNG, $same"
done
echo "check-arm64: passed"
