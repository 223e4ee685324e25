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

publish() { # RID
  echo "== dotnet publish src/Silo -c Release -r $1 -o $work/$1"
  dotnet publish "$repo/src/Silo" -c Release -r "$1" -o "$work/$1" -nologo -v q
  echo "   $(du -sb "$work/$1" | cut -f1 | awk '{printf "%.1f MB", $1/1e6}') on disk"
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
