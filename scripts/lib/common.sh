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
