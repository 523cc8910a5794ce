#!/usr/bin/env bash
# Load on the REST API with wrk: GET /api/runs (the run history, newest first, 50 a page) with 10,000 runs in the
# history, 64 connections, a real ServiceAccount token (TokenReview and SubjectAccessReview, cached as in production).
# Needs the local stack up (scripts/stack.sh up). It seeds the history table, measures, and prints a Markdown section
# for docs/benchmarks.md; the seeded rows (namespace kubeclaw-bench) are removed again at the end.
#   scripts/bench-api.sh [--rows N] [--connections C] [--duration 30s]
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
rows=10000 connections=64 duration=30s
while (( $# )); do
  case "$1" in
    --rows) rows=${2:?--rows needs a number}; shift 2 ;;
    --connections) connections=${2:?--connections needs a number}; shift 2 ;;
    --duration) duration=${2:?--duration needs a time such as 30s}; shift 2 ;;
    *) die "unknown option '$1': use 'scripts/bench-api.sh [--rows N] [--connections C] [--duration 30s]'" ;;
  esac
done
read_stack

if ! command -v wrk >/dev/null; then
  [[ $(id -u) -eq 0 ]] || die "wrk is missing: apt-get install wrk (or run this script as root)"
  echo "installing wrk from Debian's packages ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null \
    || die "apt-get install wrk failed: see the output above"
fi
command -v psql >/dev/null || die "psql is missing: scripts/install-prerequisites.sh installs PostgreSQL"

sql() { psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d kubeclaw -v ON_ERROR_STOP=1 -c "$1"; }
echo "seeding $rows runs into the history ..."
sql "DELETE FROM run_history WHERE namespace = 'kubeclaw-bench';
     INSERT INTO run_history (uid, namespace, instance, name, task, phase, result, input_tokens, output_tokens, tool_calls,
                              created_at, started_at, completed_at)
     SELECT 'bench-' || i, 'kubeclaw-bench', 'assistant-' || (i % 10), 'run-' || i, 'Summarise incident ' || i || ' for the on-call channel',
            CASE WHEN i % 10 = 0 THEN 'Failed' ELSE 'Succeeded' END, 'The incident was resolved by restarting the deployment.',
            1200 + i % 500, 300 + i % 100, i % 7, now() - (i || ' seconds')::interval, now() - (i || ' seconds')::interval + interval '1 second',
            now() - (i || ' seconds')::interval + interval '20 seconds'
     FROM generate_series(1, $rows) AS i;
     ANALYZE run_history;"
trap 'sql "DELETE FROM run_history WHERE namespace = '"'"'kubeclaw-bench'"'"'" || true' EXIT

"$kubectl" create namespace kubeclaw-bench --dry-run=client -o yaml | "$kubectl" apply -f - >/dev/null
"$kubectl" -n kubeclaw-bench create serviceaccount history-reader --dry-run=client -o yaml | "$kubectl" apply -f - >/dev/null
"$kubectl" create clusterrole kubeclaw-bench-history --verb=list --resource=agentruns.kubeclaw.io --dry-run=client -o yaml \
  | "$kubectl" apply -f - >/dev/null
"$kubectl" create clusterrolebinding kubeclaw-bench-history --clusterrole=kubeclaw-bench-history \
  --serviceaccount=kubeclaw-bench:history-reader --dry-run=client -o yaml | "$kubectl" apply -f - >/dev/null
token=$("$kubectl" -n kubeclaw-bench create token history-reader --duration=1h --audience kubeclaw)

url="$api/api/runs?limit=50"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url")
[[ "$status" == 200 ]] || die "GET $url answered $status, not 200: check 'scripts/stack.sh status' and the server's log"

echo "wrk: $connections connections for $duration on GET /api/runs?limit=50 ..."
threads=$(( connections < 2 ? connections : 2 ))  # wrk needs a connection per thread
out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$url")
echo "$out"
p50=$(awk '$1 == "50%" {print $2}' <<< "$out")
p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
errors=$(awk '/Non-2xx/ {print $5}' <<< "$out")
cat <<EOF

### REST API: GET /api/runs with $rows runs in the history

$(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), the stack of 'scripts/stack.sh up' (one Liberty server, PostgreSQL 15)
on the same machine as wrk. Command: \`scripts/bench-api.sh --rows $rows --connections $connections --duration $duration\`.

| connections | p50 | p99 | requests/s | non-2xx |
|---|---|---|---|---|
| $connections | $p50 | $p99 | $rps | ${errors:-0} |
EOF
