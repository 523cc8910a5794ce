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
