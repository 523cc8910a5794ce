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
echo "building KubeClaw (mvn install -DskipTests) ..."
(cd "$root" && mvn -q install -DskipTests -DskipITs > "$work/build.log" 2>&1) \
  || { tail -20 "$work/build.log" >&2; die "the build failed: the full log is $work/build.log"; }
"$root/k8s/scripts/build-kube-binaries.sh" > /dev/null
(cd "$root" && mvn -q -pl test-support dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=target/classpath.txt > /dev/null) || die "cannot resolve the benchmark's classpath"

echo "benchmarking (servers' logs and the report in $work) ..."
# The benchmark stops every server it started, also on Ctrl-C; pipefail keeps its exit code.
"$JAVA_HOME/bin/java" -Dkubeclaw.root="$root" \
  -cp "$root/test-support/target/classes:$(cat "$root/test-support/target/classpath.txt")" \
  io.kubeclaw.testsupport.bench.AgentRunBenchmark "$work" "$root/liberty/target/liberty/wlp" "$@" 2>&1 \
  | tee "$work/bench.log"
