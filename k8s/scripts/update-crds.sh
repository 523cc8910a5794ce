#!/usr/bin/env bash
# Regenerates the CRD YAML from the Java classes in api/ (io.kubeclaw.api.v1alpha1) and copies it to
# k8s/crds/<plural>.kubeclaw.io.yaml, where the drift test (CrdDriftTest) expects it. Run it after
# changing any of those classes, and commit the result.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/scripts/lib/common.sh"
select_java_home

command -v mvn >/dev/null || die "Maven is missing: install it (apt-get install maven) and run again"

# The generator runs inside Maven's JVM, hence the JDK selection above rather than the default java.
(cd "$root" && mvn -q -pl api -am install -DskipTests)

generated="$root/api/target/classes/META-INF/fabric8"
shopt -s nullglob
files=("$generated"/*.kubeclaw.io-v1.yml)
(( ${#files[@]} > 0 )) || die "the api build generated no CRDs in $generated"
for source_file in "${files[@]}"; do
  target="$root/k8s/crds/$(basename "$source_file" -v1.yml).yaml"
  cp "$source_file" "$target"
  echo "updated ${target#"$root"/}"
done
