#!/usr/bin/env bash
# Ingest the same inputs twice into one database and check that nothing changed.
#
#   bash scripts/ingest_twice.sh DB INPUT…        (DB: SQLite path or postgresql:// URL)
#   e.g. bash scripts/ingest_twice.sh var/twice.sqlite corpora/wikinews-fr-2012/dev \
#          ../shared/corpora/wikinews-fr-2012/test ../shared/seed
#
# Prints the digest (SHA-256 over every row of every table) and row counts after each run, and
# exits 1 when they differ. Extra `bilan ingest` flags go in BILAN_INGEST_FLAGS.
set -euo pipefail
if [[ $# -lt 2 ]]; then
  echo "usage: $0 DB INPUT…" >&2
  exit 2
fi
db="$1"; shift
PY="${PYTHON:-python3}"
run() {
  # shellcheck disable=SC2086
  "$PY" -m bilan ingest "$@" --db "$db" --digest ${BILAN_INGEST_FLAGS:-} | tail -n 1
}
start=$(date +%s)
first="$(run "$@")"
middle=$(date +%s)
second="$(run "$@")"
end=$(date +%s)
echo "first run  ($((middle - start)) s): $first"
echo "second run ($((end - middle)) s): $second"
if [[ "$first" == "$second" ]]; then
  echo "identical database contents"
else
  echo "the database changed on the second run" >&2
  exit 1
fi
