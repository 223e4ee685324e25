#!/bin/sh
# Installs an Rtl release on this machine (a Raspberry Pi or any Linux box) as a systemd service:
#   sudo ./deploy/install.sh            from the release directory (what `dotnet publish … -o DIR` wrote)
# Creates the service user, the data dir and the files root, copies the release to the prefix and
# installs, enables and starts rtl.service. Run it again to upgrade: data and settings are kept.
set -eu

usage() {
  cat <<USAGE
usage: install.sh [--prefix DIR] [--data-dir DIR] [--files-root DIR] [--user NAME]
                  [--memory-max SIZE] [--unit-dir DIR] [--silo-args 'ARGS'] [--no-start]
  --prefix      where the release goes (default /opt/rtl)
  --data-dir    the silo's data dir: SQLite file, job store, settings (default /var/lib/rtl)
  --files-root  the only directory pipelines may read and write files in (default /srv/rtl)
  --user        the service user, created as a system user if missing (default rtl)
  --memory-max  systemd MemoryMax of the service (default 75%: of the machine's memory)
  --unit-dir    where rtl.service goes (default /etc/systemd/system)
  --silo-args   more options for \`rtl silo\`, e.g. '--name pi-2 --web-port 8081'
  --no-start    install and enable nothing; print the systemctl commands instead
USAGE
}

prefix=/opt/rtl data_dir=/var/lib/rtl files_root=/srv/rtl user=rtl memory_max=75%
unit_dir=/etc/systemd/system silo_args="" start=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=$2; shift 2 ;;
    --data-dir) data_dir=$2; shift 2 ;;
    --files-root) files_root=$2; shift 2 ;;
    --user) user=$2; shift 2 ;;
    --memory-max) memory_max=$2; shift 2 ;;
    --unit-dir) unit_dir=$2; shift 2 ;;
    --silo-args) silo_args=" $2"; shift 2 ;;
    --no-start) start=no; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

release=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -x "$release/rtl" ]; then
  echo "install.sh: no rtl executable in $release: run the install.sh inside a release (dotnet publish src/Silo -c Release -r RID -o DIR)" >&2
  exit 1
fi

# A framework-dependent release (linux-arm) needs the .NET runtime; tell the service where it is.
environment=""
if [ ! -e "$release/libcoreclr.so" ]; then
  dotnet_root=${DOTNET_ROOT:-}
  on_path=$(command -v dotnet 2>/dev/null || true)
  [ -n "$on_path" ] && on_path=$(dirname "$(readlink -f "$on_path")")
  for candidate in "$dotnet_root" "$on_path" /opt/dotnet /usr/share/dotnet /usr/lib/dotnet "$HOME/.dotnet"; do
    if [ -n "$candidate" ] && [ -d "$candidate/shared/Microsoft.AspNetCore.App" ]; then dotnet_root=$candidate; break; fi
  done
  if [ -z "$dotnet_root" ] || [ ! -d "$dotnet_root/shared/Microsoft.AspNetCore.App" ]; then
    echo "install.sh: this release runs on an installed ASP.NET Core 10 runtime and none was found (set DOTNET_ROOT); see the README's Raspberry Pi section" >&2
    exit 1
  fi
  environment="Environment=DOTNET_ROOT=$dotnet_root"
fi

if ! id -u "$user" >/dev/null 2>&1; then
  useradd --system --home-dir "$data_dir" --no-create-home --shell /usr/sbin/nologin "$user"
  echo "Created system user $user"
fi

mkdir -p "$prefix" "$data_dir" "$files_root" "$unit_dir"
if [ "$release" != "$(cd "$prefix" && pwd)" ]; then
  cp -a "$release/." "$prefix/"
fi
chown "$user:" "$data_dir" "$files_root"
chmod 0750 "$data_dir"

sed -e "s|@USER@|$user|g" -e "s|@PREFIX@|$prefix|g" -e "s|@DATA_DIR@|$data_dir|g" \
    -e "s|@FILES_ROOT@|$files_root|g" -e "s|@SILO_ARGS@|$silo_args|" -e "s|@MEMORY_MAX@|$memory_max|g" -e "s|^@ENVIRONMENT@$|$environment|" \
    "$release/deploy/rtl.service" > "$unit_dir/rtl.service"
echo "Installed $prefix (rtl $("$prefix/rtl" --version 2>/dev/null | sed 's/^rtl //' || echo '?'))"
echo "Installed $unit_dir/rtl.service: data dir $data_dir, files root $files_root, user $user, MemoryMax $memory_max"

if [ "$start" = yes ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl enable --now rtl.service
  systemctl --no-pager status rtl.service | head -5
else
  echo "Start it with: sudo systemctl daemon-reload && sudo systemctl enable --now rtl"
fi
