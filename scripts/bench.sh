#!/usr/bin/env bash
# Benchmarks the AgentRun controller against the local control plane (etcd, kube-apiserver,
# controller-manager, scheduler, kwok) and one KubeClaw Liberty server, all started here and stopped
# again: run-to-Job latency, a burst of runs against the same number of plain Jobs, Liberty's RSS.
# It prints a Markdown section for docs/benchmarks.md, also kept in target/bench-<time>/report.md.
#   scripts/bench.sh [--runs-latency N] [--burst M] [--threads T] [--warmup K]
#   defaults: 200 runs after 20 warm-up runs, a burst of 1000, 8 threads
#   a quick check: scripts/bench.sh --runs-latency 5 --burst 20 --warmup 2
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
root=$(repo_root)
work="$root/target/bench-$(date +%Y%m%d-%H%M%S)"

command -v mvn >/dev/null || die "Maven is missing: scripts/install-prerequisites.sh installs it"
select_java_home
mkdir -p "$work"
classpath=$(build_launcher_classpath "$work")

echo "benchmarking (servers' logs and the report in $work) ..."
# The benchmark stops every server it started, also on Ctrl-C; pipefail keeps its exit code.
"$JAVA_HOME/bin/java" -Dkubeclaw.root="$root" \
  -cp "$classpath" \
  io.kubeclaw.testsupport.bench.AgentRunBenchmark "$work" "$root/liberty/target/liberty/wlp" "$@" 2>&1 \
  | tee "$work/bench.log"
