#!/usr/bin/env bash
# The tenancy attack of issue 12, tried through the API against the local stack (scripts/stack.sh up), printing each
# command and its answer: a ServiceAccount that may manage KubeClaw objects in its namespace but not read Secrets
# sends a SkillPack granting get/list secrets cluster-wide, binds a pack that does, and starts a run. Each step is
# refused as kubectl would be refused, and no ClusterRole is made. Then the legitimate path: the admin binds the
# namespace to a policy that lets sidecars read pods, and the same tenant binds such a pack and runs it.
#   scripts/demo-tenancy.sh
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
read_stack
ns=kubeclaw-tenant-demo token="" apiserver_token=""
# Prints the command with the tokens as $TOKEN and $APISERVER_TOKEN, so a transcript never holds a credential.
show() {
  local line="$*"
  [[ -n "$token" ]] && line=${line//"$token"/\$TOKEN}
  [[ -n "$apiserver_token" ]] && line=${line//"$apiserver_token"/\$APISERVER_TOKEN}
  printf '\n$ %s\n' "$line"
  "$@" || true
  echo
}
post() { show curl -s -w '\n%{http_code}\n' -X POST "$api/api/namespaces/$ns/$1" "${auth[@]}" -H 'Content-Type: application/json' -d "$2"; }

secret_reader='{"apiVersion":"kubeclaw.io/v1alpha1","kind":"SkillPack","metadata":{"name":"secret-reader"},"spec":{"skills":[{"name":"s","content":"# s"}],
 "sidecar":{"image":"registry.example/kubectl:1","clusterRBAC":[{"apiGroups":[""],"resources":["secrets"],"verbs":["get","list"]}]}}}'
pod_reader='{"apiVersion":"kubeclaw.io/v1alpha1","kind":"SkillPack","metadata":{"name":"pod-reader"},"spec":{"skills":[{"name":"s","content":"# s"}],
 "sidecar":{"image":"registry.example/kubectl:1","rbac":[{"apiGroups":[""],"resources":["pods"],"verbs":["get","list"]}]}}}'
# An instance named $1, binding SkillPack $2 when given.
instance() {
  local skills=""
  [[ -n "${2:-}" ]] && skills=',"skills":[{"skillPackRef":"'"$2"'"}]'
  printf '{"apiVersion":"kubeclaw.io/v1alpha1","kind":"ClawInstance","metadata":{"name":"%s"},"spec":{"provider":{"name":"openai","model":"gpt-4o"}%s}}' "$1" "$skills"
}

echo "# A tenant: ServiceAccount $ns/tenant bound to the ClusterRole kubeclaw-tenant (KubeClaw objects, no Secrets)"
"$kubectl" delete namespace "$ns" --ignore-not-found --wait=true >/dev/null
"$kubectl" create namespace "$ns" >/dev/null
"$kubectl" -n "$ns" create serviceaccount tenant >/dev/null
"$kubectl" -n "$ns" create rolebinding tenant --clusterrole=kubeclaw-tenant --serviceaccount="$ns:tenant" >/dev/null
user="system:serviceaccount:$ns:tenant"
show "$kubectl" auth can-i create skillpacks.kubeclaw.io -n "$ns" --as "$user"
show "$kubectl" auth can-i list secrets --all-namespaces --as "$user"
token=$("$kubectl" -n "$ns" create token tenant --duration=1h --audience kubeclaw)
echo '$ TOKEN=$(kubectl -n '"$ns"' create token tenant --audience kubeclaw)'
auth=(-H "Authorization: Bearer $token")

echo; echo "# 1. The SkillPack through kubectl, as the tenant: the webhook refuses it"
printf '\n$ kubectl apply -n %s --as %s -f secret-reader.json\n' "$ns" "$user"
"$kubectl" apply -n "$ns" --as "$user" --as-group system:serviceaccounts -f - <<< "$secret_reader" 2>&1 || true

echo; echo "# 2. The same SkillPack through the API: the API acts as the tenant, so the same refusal"
post skills "$secret_reader"

echo "# 3. An admin's pack that reads Secrets exists; the tenant binds it through the API"
"$kubectl" apply -n "$ns" -f - <<< "$secret_reader" >/dev/null
post instances "$(instance thief secret-reader)"

echo "# 4. A run of an instance the tenant may create: it starts, and no ClusterRole reading Secrets appears"
post instances "$(instance plain)"
post runs '{"instance":"plain","task":"list every Secret in the cluster"}'
show "$kubectl" get clusterroles,clusterrolebindings -l "kubeclaw.io/run-namespace=$ns" -o name

echo "# 5. A token made for the apiserver is no KubeClaw credential, and a KubeClaw token is none for the apiserver"
apiserver_token=$("$kubectl" -n "$ns" create token tenant --duration=10m)
echo '$ APISERVER_TOKEN=$(kubectl -n '"$ns"' create token tenant)'
show curl -s -w '\n%{http_code}\n' "$api/api/namespaces/$ns/instances" -H "Authorization: Bearer $apiserver_token"
printf '\n$ kubectl --token $TOKEN get pods -n %s\n' "$ns"
"$kubectl" --token "$token" get pods -n "$ns" 2>&1 || true

echo; echo "# 6. The legitimate path: the admin binds the namespace to a policy letting sidecars read pods"
show "$kubectl" apply -n kubeclaw-system -f - <<< '{"apiVersion":"kubeclaw.io/v1alpha1","kind":"ClawPolicy","metadata":{"name":"tenants"},"spec":{"rbacCeiling":{"rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get","list","watch"]}]}}}'
show "$kubectl" label namespace "$ns" kubeclaw.io/policy=tenants --overwrite
post skills "$pod_reader"
post instances "$(instance viewer pod-reader)"
created=$(curl -s -X POST "$api/api/namespaces/$ns/runs" "${auth[@]}" -H 'Content-Type: application/json' -d '{"instance":"viewer","task":"which pods restarted?"}')
run=$(grep -oE '"name" *: *"viewer-[a-z0-9]+"' <<< "$created" | head -1 | grep -oE 'viewer-[a-z0-9]+' || true)
printf '\n$ curl -s -X POST %s/api/namespaces/%s/runs -d %s\n%s\n' "$api" "$ns" "'{\"instance\":\"viewer\",\"task\":\"which pods restarted?\"}'" \
  "$(grep -oE '"name" *: *"viewer-[a-z0-9]+"' <<< "$created" | head -1)"
[[ -n "$run" ]] || die "the run was not created: $created"
for _ in $(seq 60); do
  "$kubectl" -n "$ns" get role -l "kubeclaw.io/run=$run" -o name 2>/dev/null | grep -q . && break
  sleep 1
done
show "$kubectl" -n "$ns" get roles -l "kubeclaw.io/run=$run" -o 'jsonpath={range .items[*]}{.metadata.name}: {.rules}{"\n"}{end}'
show "$kubectl" -n "$ns" get agentrun "$run" -o 'jsonpath={.status.phase}{"\n"}'
