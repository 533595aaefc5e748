#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests, on 127.0.0.1, under var/ (idempotent).
#
#   bash scripts/postgres.sh start   install (Debian packages) if absent, init, start; writes
#                                    var/postgres.url (read by the tests marked `postgres`)
#   bash scripts/postgres.sh stop    stop the server (the cluster stays under var/postgres)
#   bash scripts/postgres.sh status  print the URL when the server answers
#
# PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` system user
# (created by Debian's package). Nothing listens beyond loopback; authentication is `trust`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VAR="$ROOT/var"
URL_FILE="$VAR/postgres.url"
DBNAME="bilan"

# The cluster lives under var/ unless the `postgres` user cannot reach it (a clone under /root):
# then under /tmp, in a folder named after this clone.
choose_cluster() {
  CLUSTER="$VAR/postgres"
  if [[ $(id -u) -eq 0 ]] && id postgres >/dev/null 2>&1; then
    mkdir -p "$VAR"
    if ! runuser -u postgres -- test -x "$VAR"; then
      CLUSTER="/tmp/bilan-postgres-$(echo "$ROOT" | md5sum | cut -c1-12)"
    fi
  fi
  DATA="$CLUSTER/data"
  PORT_FILE="$CLUSTER/port"
  LOG="$CLUSTER/server.log"
}

pg_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return 0; fi
  done
  return 1
}

install_postgres() {
  if pg_bindir >/dev/null; then return 0; fi
  if [[ $(id -u) -ne 0 ]]; then
    echo "PostgreSQL is not installed: run 'sudo apt-get install postgresql' (or make postgres as root)" >&2
    exit 1
  fi
  echo "installing PostgreSQL from Debian's packages…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

# run a command as the cluster's owner (ourselves, or `postgres` when we are root)
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

is_running() {
  [[ -f "$PORT_FILE" ]] || return 1
  "$BIN/pg_isready" -q -h 127.0.0.1 -p "$(cat "$PORT_FILE")" 2>/dev/null
}

init_cluster() {
  mkdir -p "$CLUSTER"
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$CLUSTER"; fi
  if [[ ! -f "$DATA/PG_VERSION" ]]; then
    as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
}

start() {
  install_postgres
  choose_cluster
  BIN="$(pg_bindir)"
  if is_running; then
    write_url
    echo "PostgreSQL already running: $(cat "$URL_FILE")"
    return 0
  fi
  init_cluster
  local port
  port="$(free_port)"
  as_owner bash -c "echo $port > '$PORT_FILE'"
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $CLUSTER -c fsync=off -c full_page_writes=off" start >/dev/null
  if ! "$BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'" | grep -q 1; then
    "$BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DBNAME"
  fi
  write_url
  echo "PostgreSQL started: $(cat "$URL_FILE")"
}

write_url() {
  mkdir -p "$VAR"
  echo "postgresql://postgres@127.0.0.1:$(cat "$PORT_FILE")/$DBNAME" > "$URL_FILE"
}

stop() {
  choose_cluster
  BIN="$(pg_bindir)" || { echo "PostgreSQL is not installed" >&2; return 0; }
  if [[ -f "$DATA/postmaster.pid" ]]; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
  fi
  rm -f "$URL_FILE"
  echo "PostgreSQL stopped"
}

status() {
  choose_cluster
  BIN="$(pg_bindir)" || { echo "PostgreSQL is not installed" >&2; exit 1; }
  if is_running; then cat "$URL_FILE"; else echo "not running" >&2; exit 1; fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 [start|stop|status]" >&2; exit 2 ;;
esac
