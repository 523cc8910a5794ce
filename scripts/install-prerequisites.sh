#!/usr/bin/env bash
# Installs what the build, the tests and the local stack need and a fresh machine may lack:
# PostgreSQL and NATS (Debian's packages), and checks for Go, Maven and a JDK >= 21.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

missing=()
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
command -v nats-server >/dev/null || missing+=(nats-server)
command -v mvn >/dev/null || missing+=(maven)
command -v setpriv >/dev/null || missing+=(util-linux)
command -v curl >/dev/null || missing+=(curl)

if (( ${#missing[@]} )); then
  [[ $(id -u) -eq 0 ]] || die "missing packages ${missing[*]}: run this script as root, or apt-get install ${missing[*]}"
  echo "installing ${missing[*]} from Debian's packages ..."
  apt-get update -qq || die "apt-get update failed: check the network to Debian's package mirror"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed: see the output above"
  # The postgresql package starts a cluster as a system service; tests run private servers instead.
  if [[ " ${missing[*]} " == *" postgresql "* ]] && command -v pg_ctlcluster >/dev/null; then
    for c in $(pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2}'); do pg_ctlcluster ${c%/*} ${c#*/} stop 2>/dev/null || true; done
  fi
fi

command -v go >/dev/null || die "the Go toolchain is missing (needed to build Kubernetes from its modules): install Go >= 1.24 and put it on PATH"
select_java_home
