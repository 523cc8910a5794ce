#!/usr/bin/env bash
# Builds etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubectl and kwok from
# their Go modules (no release binary can be downloaded here) into a cache
# outside the repo, keyed by version and by the Go module files, and prints
# the directory holding them. Builds only what is missing.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/kube-version.sh"

command -v go >/dev/null || { echo "error: the Go toolchain is missing: install Go >= 1.24 and put it on PATH" >&2; exit 1; }

# The Go module files pin every version, so their hash keys the cache (the version is in the path too).
key=$(cat "$here"/tools/kube/go.mod "$here"/tools/kube/go.sum "$here"/tools/kube/cmd/etcd/main.go \
          "$here"/tools/kwok/go.mod "$here"/tools/kwok/go.sum | sha256sum | cut -c1-12)
out="$KUBECLAW_CACHE/k8s/${KUBE_VERSION#v}-linux-amd64"
stamp="$out/.built-$key"

mkdir -p "$out"
# One build at a time: a second caller waits here and then finds the binaries built.
exec 9>"$out/.lock"
flock 9
started=$(date +%s)
built=0
pkg=k8s.io/component-base/version
cli=k8s.io/client-go/pkg/version
minor=$(echo "$KUBE_VERSION" | cut -d. -f2)
vflags=""
for p in $pkg $cli; do
  vflags+=" -X $p.gitVersion=$KUBE_VERSION -X $p.gitMajor=1 -X $p.gitMinor=$minor"
  vflags+=" -X $p.gitTreeState=clean -X $p.buildDate=1970-01-01T00:00:00Z"
done

build() { # dir, output name, package
  local dir=$1 name=$2 package=$3
  [[ -x "$out/$name" && -f "$stamp.$name" ]] && return 0
  echo "building $name ..." >&2
  (cd "$here/tools/$dir" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w $vflags" -o "$out/$name.tmp" "$package")
  mv "$out/$name.tmp" "$out/$name"
  touch "$stamp.$name"
  built=$((built + 1))
}

build kube etcd ./cmd/etcd
build kube kube-apiserver k8s.io/kubernetes/cmd/kube-apiserver
build kube kube-controller-manager k8s.io/kubernetes/cmd/kube-controller-manager
build kube kube-scheduler k8s.io/kubernetes/cmd/kube-scheduler
build kube kubectl k8s.io/kubernetes/cmd/kubectl
build kwok kwok sigs.k8s.io/kwok/cmd/kwok

# kwok serves pod logs from files named by its Logs objects; the tests install that CRD.
if [[ ! -f "$out/kwok-crds/logs.yaml" || ! -f "$stamp.kwok-crds" ]]; then
  kwok_dir=$(cd "$here/tools/kwok" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)
  mkdir -p "$out/kwok-crds"
  cp "$kwok_dir/kustomize/crd/bases/kwok.x-k8s.io_logs.yaml" "$out/kwok-crds/logs.yaml"
  touch "$stamp.kwok-crds"
fi

if (( built > 0 )); then
  echo "built $built Kubernetes binaries ($KUBE_VERSION) in $(( $(date +%s) - started ))s into $out" >&2
fi
echo "$out"
