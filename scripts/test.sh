#!/usr/bin/env bash
# Runs every test: unit tests and the integration tests against real servers (Kubernetes built
# from its Go modules, PostgreSQL, NATS JetStream, Open Liberty). Installs what a fresh machine lacks.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
root=$(repo_root)
started=$(date +%s)

"$root/scripts/install-prerequisites.sh"
select_java_home
"$root/k8s/scripts/build-kube-binaries.sh" > /dev/null
cd "$root"
mvn verify "$@"
echo "all tests ran in $(( $(date +%s) - started ))s"
