#!/usr/bin/env bash
# Brings the whole local stack up or down: Kubernetes (etcd, kube-apiserver, controller-manager,
# scheduler, kwok, all built from source) or the cluster of a kube context you name, NATS JetStream,
# PostgreSQL and the KubeClaw Liberty server, with the CRDs and samples applied.
#   scripts/stack.sh up [--context NAME]   start (in the background) and print where everything is
#   scripts/stack.sh status                 print that again, if it is up
#   scripts/stack.sh down                   stop everything it started
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
root=$(repo_root)
state=${KUBECLAW_STATE_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/kubeclaw/stack}
port=${KUBECLAW_HTTP_PORT:-9080}
pidfile="$state/stack.pid"

running() { [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

up() {
  local context="" kubeconfig=""
  while (( $# )); do
    case "$1" in
      --context) [[ $# -ge 2 ]] || die "--context needs a kube context name"; context=$2; shift 2 ;;
      *) die "unknown option '$1': use 'scripts/stack.sh up [--context NAME]'" ;;
    esac
  done
  # Checked before the build, so a busy port costs nothing; the launcher checks again before binding.
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is in use: stop what listens there, or choose another with KUBECLAW_HTTP_PORT"
  fi
  running && die "the stack is already up (pid $(cat "$pidfile")): 'scripts/stack.sh status' shows it, 'scripts/stack.sh down' stops it"
  "$root/scripts/install-prerequisites.sh"
  select_java_home
  rm -rf "$state" && mkdir -p "$state"
  if [[ -n "$context" ]]; then
    kubeconfig="$state/kubeconfig-$context"
    kubectl config view --raw --minify --flatten --context "$context" > "$kubeconfig" 2>/dev/null \
      || die "no kube context '$context' in your kubeconfig: 'kubectl config get-contexts' lists them"
  fi
  classpath=$(build_launcher_classpath "$state")
  nohup "$JAVA_HOME/bin/java" -Dkubeclaw.root="$root" \
    -cp "$classpath" \
    io.kubeclaw.testsupport.stack.LocalStack "$state" "$root/liberty/target/liberty/wlp" "$port" $kubeconfig \
    > "$state/stack.log" 2>&1 &
  echo $! > "$pidfile"
  echo "starting (log $state/stack.log) ..."
  while running && [[ ! -f "$state/summary.txt" ]]; do sleep 1; done
  if ! running; then
    grep -E '^error:' "$state/stack.log" >&2 || tail -20 "$state/stack.log" >&2
    rm -f "$pidfile"
    die "the stack did not start; everything it had started is stopped again"
  fi
  cat "$state/summary.txt"
}

down() {
  if ! running; then
    echo "the stack is not running"
    rm -f "$pidfile"
    return 0
  fi
  local pid
  pid=$(cat "$pidfile")
  kill "$pid"
  # The launcher stops every server it started (by pid) before it exits.
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$pid" 2>/dev/null && die "the stack (pid $pid) did not stop within 60s: kill it with 'kill -9 $pid'"
  rm -f "$pidfile"
  echo "the stack is stopped"
}

case "${1:-}" in
  up) shift; up "$@" ;;
  down) down ;;
  status) running && cat "$state/summary.txt" || { echo "the stack is not running"; exit 1; } ;;
  *) die "usage: scripts/stack.sh up [--context NAME] | status | down" ;;
esac
