# Sourced: the pinned Kubernetes version and where built binaries are cached.
KUBE_VERSION=v1.34.4
KUBECLAW_CACHE=${KUBECLAW_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubeclaw}
