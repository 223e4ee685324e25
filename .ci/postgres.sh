# shellcheck shell=bash
# Sourced by .ci/run: a throw-away PostgreSQL server for the PostgreSQL tests, in a temp directory on a free
# port. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user (or a dedicated system user).
# start_test_postgres exports RTL_TEST_POSTGRES (a connection string); stop_test_postgres removes every trace.

pg_bin_dir() {
  local debian
  debian=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$debian" ] && [ -x "$debian/initdb" ]; then
    echo "$debian"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}

free_port() {
  local port
  for port in $(seq 55432 55632); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

start_test_postgres() {
  local bin port user
  bin=$(pg_bin_dir)
  if [ -z "$bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update && apt-get install -y --no-install-recommends postgresql-15
    bin=$(pg_bin_dir)
  fi
  if [ -z "$bin" ]; then
    echo "ci: PostgreSQL (initdb, pg_ctl) is not installed; the PostgreSQL tests need it" >&2
    return 1
  fi

  # Under /tmp, not $TMPDIR: the server's user must be able to reach it.
  PG_DIR=$(mktemp -d /tmp/rtl-ci-pg.XXXXXX)
  PG_AS=()
  if [ "$(id -u)" = 0 ]; then
    user=postgres
    if ! id "$user" >/dev/null 2>&1; then
      user=rtl-ci-pg
      id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
    fi
    chown "$user" "$PG_DIR"
    PG_AS=(runuser -u "$user" --)
  fi

  port=$(free_port)
  PG_CTL="$bin/pg_ctl"
  "${PG_AS[@]}" "$bin/initdb" -D "$PG_DIR/data" -U rtl --auth=trust --encoding=UTF8 --no-sync >"$PG_DIR/initdb.log"
  "${PG_AS[@]}" "$PG_CTL" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DIR -c fsync=off -c max_connections=300" \
    start >/dev/null
  export RTL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=rtl;Database=postgres"
  echo "ci: throw-away PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port in $PG_DIR"
}

stop_test_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    "${PG_AS[@]}" "$PG_CTL" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
