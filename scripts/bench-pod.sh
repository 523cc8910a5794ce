#!/usr/bin/env bash
# Benchmarks a run's pod without Kubernetes: the agent runner's cold start (process start to its first request at
# the fake LLM), with and without an AppCDS archive, and the IPC bridge's throughput and latency from event file to
# a JetStream consumer, against a private NATS. Prints a Markdown section for docs/benchmarks.md.
#   scripts/bench-pod.sh [--starts N] [--burst M] [--paced K] [--rate R]
#   defaults: 20 starts, a burst of 2000 files, then 500 files at 100/s
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
root=$(repo_root)
work="$root/target/bench-pod-$(date +%Y%m%d-%H%M%S)"
starts=20 burst=2000 paced=500 rate=100
while (( $# )); do
  case "$1" in
    --starts) starts=$2; shift 2 ;;
    --burst) burst=$2; shift 2 ;;
    --paced) paced=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    *) die "unknown option $1; usage: scripts/bench-pod.sh [--starts N] [--burst M] [--paced K] [--rate R]" ;;
  esac
done
command -v mvn >/dev/null || die "Maven is missing: scripts/install-prerequisites.sh installs it"
command -v nats-server >/dev/null || die "nats-server is missing: scripts/install-prerequisites.sh installs it"
select_java_home
mkdir -p "$work"
echo "building KubeClaw (mvn install -DskipTests) ..."
(cd "$root" && mvn -q install -DskipTests -DskipITs > "$work/build.log" 2>&1) \
  || { tail -20 "$work/build.log" >&2; die "the build failed: the full log is $work/build.log"; }
(cd "$root" && mvn -q -pl runner test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/test-classpath.txt" > /dev/null \
  && mvn -q -pl runner dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/runtime-classpath.txt" > /dev/null) \
  || die "cannot resolve the runner's class paths"
# A jar, not a class directory: class-data sharing archives only classes from jars, as in the image.
runner_cp="$(ls "$root"/runner/target/kubeclaw-runner-*.jar | head -1):$(cat "$work/runtime-classpath.txt")"
echo "benchmarking (logs and the report in $work) ..."
"$JAVA_HOME/bin/java" -cp "$root/runner/target/test-classes:$root/runner/target/classes:$(cat "$work/test-classpath.txt")" \
  io.kubeclaw.runner.pod.PodBenchmark "$runner_cp" "$work" "$starts" "$burst" "$paced" "$rate" 2>&1 | tee "$work/bench.log"
