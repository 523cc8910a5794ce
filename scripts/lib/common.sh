# Sourced by the project's scripts: JDK selection, Maven flags, one-line errors.

die() { echo "error: $*" >&2; exit 1; }

# Picks a JDK >= 21 (the default java here may be 17): JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm.
select_java_home() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    [[ -n "$candidate" && -x "$candidate/bin/javac" ]] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    if [[ "${version%%.*}" -ge 21 ]]; then
      export JAVA_HOME=${candidate%/}
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  die "no JDK 21 or newer found (JAVA_HOME or /usr/lib/jvm): install one, e.g. apt-get install openjdk-21-jdk or Temurin 21+, then run again"
}

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd; }

# Builds KubeClaw and the Kubernetes binaries, then resolves test-support's runtime class path for a
# launcher (LocalStack, AgentRunBenchmark). Logs to $1/build.log; prints the java -cp value.
build_launcher_classpath() {
  local logs=$1 root
  root=$(repo_root)
  echo "building KubeClaw (mvn install -DskipTests) ..." >&2
  (cd "$root" && mvn -q install -DskipTests -DskipITs > "$logs/build.log" 2>&1) \
    || { tail -20 "$logs/build.log" >&2; die "the build failed: the full log is $logs/build.log"; }
  "$root/k8s/scripts/build-kube-binaries.sh" > /dev/null
  (cd "$root" && mvn -q -pl test-support dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile=target/classpath.txt > /dev/null) || die "cannot resolve test-support's class path"
  echo "$root/test-support/target/classes:$(cat "$root/test-support/target/classpath.txt")"
}

# Reads where the running local stack (scripts/stack.sh up) is, from its summary: sets api, kubectl, nats_port,
# pg_port and exports KUBECONFIG; dies saying what to do when the stack is not up.
read_stack() {
  local state=${KUBECLAW_STATE_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/kubeclaw/stack} summary
  [[ -f "$state/summary.txt" ]] || die "the local stack is not up: start it with 'scripts/stack.sh up'"
  summary=$(cat "$state/summary.txt")
  stack_state=$state
  api=$(grep -oE 'Liberty +http://[0-9.:]+' <<< "$summary" | awk '{print $2}')
  KUBECONFIG=$(grep -oE 'export KUBECONFIG=[^ ]+' <<< "$summary" | cut -d= -f2); export KUBECONFIG
  kubectl=$(grep -oE 'kubectl +/[^ ]+' <<< "$summary" | awk '{print $2}')
  nats_port=$(grep -oE 'nats://127.0.0.1:[0-9]+' <<< "$summary" | grep -oE '[0-9]+$')
  pg_port=$(grep -oE 'jdbc:postgresql://127.0.0.1:[0-9]+' <<< "$summary" | grep -oE '[0-9]+$')
  [[ -n "$api" && -n "$kubectl" && -n "$nats_port" && -n "$pg_port" ]] \
    || die "cannot read the stack's addresses from $state/summary.txt: restart it with 'scripts/stack.sh down; scripts/stack.sh up'"
}
