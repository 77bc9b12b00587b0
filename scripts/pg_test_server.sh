#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, listening on 127.0.0.1 only.
#   scripts/pg_test_server.sh start DIR   create a cluster in DIR, start it, print its URL
#   scripts/pg_test_server.sh stop DIR    stop it and remove DIR
# Debian's postgresql is installed first when no server is on the machine (apt-get, as root).
# initdb refuses to run as root, so the cluster belongs to the postgres user; authentication
# is "trust", which is safe only because nothing but loopback can reach it.
set -euo pipefail
command="${1:?usage: $0 start|stop DIR}"
DIR="${2:?usage: $0 start|stop DIR}"

server_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
  start)
    if [ ! -x "$(server_bin)/initdb" ]; then
      echo "installing PostgreSQL (Debian package postgresql)" >&2
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    fi
    BIN="$(server_bin)"
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
      useradd --system --no-create-home postgres
    fi
    # A free port on loopback, so a second run beside a first one does not collide.
    PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    mkdir -p "$DIR"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$DIR"; fi
    as_postgres "$BIN/initdb" -D "$DIR/cluster" -A trust -U postgres --no-sync \
      >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
    as_postgres "$BIN/pg_ctl" -D "$DIR/cluster" -l "$DIR/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off" start >/dev/null \
      || { cat "$DIR/server.log" >&2; exit 1; }
    as_postgres "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres storyline_test
    echo "postgresql://postgres@127.0.0.1:$PORT/storyline_test"
    ;;
  stop)
    if [ -d "$DIR/cluster" ]; then
      as_postgres "$(server_bin)/pg_ctl" -D "$DIR/cluster" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
