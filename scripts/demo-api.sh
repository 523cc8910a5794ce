#!/usr/bin/env bash
# A walk through the API against the local stack (scripts/stack.sh up), printing each command and its answer:
# a ServiceAccount token, an instance and a run created with curl, the run followed over the WebSocket while its
# events arrive on the bus (published here the way the runner publishes them, since the stack's pods are kwok's and
# run no agent; the pod is then told to exit 0 through kwok, as the agent would), the run's history row read back
# after the AgentRun is deleted, and the metrics.
#   scripts/demo-api.sh
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
root=$(repo_root)
read_stack
state=$stack_state
select_java_home
ns=kubeclaw-demo run="" token=""
# Prints the command with the token as $TOKEN, so a transcript never holds a credential.
show() { local line="$*"; printf '\n$ %s\n' "${line//"$token"/\$TOKEN}"; "$@"; echo; }
# Publishes like the runner does: JetStream captures core NATS publishes on the run subjects.
publish() {
  local subject=$1 payload=$2
  exec 3<>"/dev/tcp/127.0.0.1/$nats_port"
  printf 'CONNECT {"verbose":false,"pedantic":false}\r\nPUB %s %d\r\n%s\r\nPING\r\n' "$subject" "${#payload}" "$payload" >&3
  timeout 5 grep -m1 -q PONG <&3 || die "NATS at 127.0.0.1:$nats_port did not answer"
  exec 3>&-
  printf '\n$ nats pub %s %s\n' "$subject" "$payload"
}

echo "# A ServiceAccount with the rights of a KubeClaw tenant in $ns (ClusterRole kubeclaw-tenant, k8s/rbac)"
"$kubectl" -n "$ns" create serviceaccount demo-user --dry-run=client -o yaml | "$kubectl" apply -f - >/dev/null
"$kubectl" -n "$ns" create rolebinding demo-user --clusterrole=kubeclaw-tenant --serviceaccount="$ns:demo-user" --dry-run=client -o yaml \
  | "$kubectl" apply -f - >/dev/null
show "$kubectl" auth can-i create agentruns.kubeclaw.io -n "$ns" --as "system:serviceaccount:$ns:demo-user"
token=$("$kubectl" -n "$ns" create token demo-user --duration=1h --audience kubeclaw)
echo '$ TOKEN=$(kubectl -n '"$ns"' create token demo-user --audience kubeclaw)'
auth=(-H "Authorization: Bearer $token")

show curl -s -w '\n%{http_code}\n' "$api/api/namespaces/$ns/instances/demo" "${auth[@]}" -o /dev/null
show curl -s -w '\n%{http_code}\n' -X POST "$api/api/namespaces/$ns/instances" "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"apiVersion":"kubeclaw.io/v1alpha1","kind":"ClawInstance","metadata":{"name":"demo"},"spec":{"provider":{"name":"openai","model":"gpt-4o"}}}'

created=$(curl -s -X POST "$api/api/namespaces/$ns/runs" "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"instance":"demo","task":"List the pods that restarted in the last hour and say why."}')
printf '\n$ curl -s -X POST %s/api/namespaces/%s/runs -H "Authorization: Bearer $TOKEN" -d %s\n%s\n' "$api" "$ns" \
  "'{\"instance\":\"demo\",\"task\":\"List the pods that restarted in the last hour and say why.\"}'" "$created"
run=$(grep -oE '"name" *: *"demo-[a-z0-9-]+"' <<< "$created" | head -1 | grep -oE 'demo-[a-z0-9-]+')
[[ -n "$run" ]] || die "the run was not created: $created"

ws="ws://${api#http://}/ws"
printf '\n$ java scripts/tools/WsFollow.java %s "$TOKEN" 40 %s &\n' "$ws" "'{\"subscribe\":\"runs\",\"namespace\":\"$ns\"}'"
"$JAVA_HOME/bin/java" "$root/scripts/tools/WsFollow.java" "$ws" "$token" 40 "{\"subscribe\":\"runs\",\"namespace\":\"$ns\"}" \
  > "$state/demo-ws.log" 2>&1 &
follower=$!
# The client compiles itself at start; publish only once it has subscribed, so it sees the events live.
for _ in $(seq 120); do
  grep -q '"type":"subscribed"' "$state/demo-ws.log" 2>/dev/null && break
  kill -0 "$follower" 2>/dev/null || die "the WebSocket client stopped: $(cat "$state/demo-ws.log")"
  sleep 0.5
done
grep -q '"type":"subscribed"' "$state/demo-ws.log" || die "the WebSocket client did not subscribe within 60 s: $(cat "$state/demo-ws.log")"
publish "kubeclaw.$ns.demo.run.$run.tool" '{"version":1,"callId":"call-1","tool":"execute_command","ok":true,"summary":"kubectl get pods -A: 2 restarted (OOMKilled)","durationMillis":412}'
publish "kubeclaw.$ns.demo.run.$run.result" '{"version":1,"success":true,"result":"Two pods restarted: api-7f9 and worker-2c1, both OOMKilled; raise their memory limit to 512Mi.","tokenUsage":{"input":1830,"output":212},"toolCalls":1}'
# The agent exits once its result is out; kwok's pod-exit stage plays that for the stack's pods.
pod=$("$kubectl" -n "$ns" get pods -l "kubeclaw.io/run=$run" -o jsonpath='{.items[0].metadata.name}')
[[ -n "$pod" ]] || die "run $run has no pod yet: see kubectl -n $ns describe agentrun $run"
show "$kubectl" -n "$ns" annotate pod "$pod" kwok.kubeclaw.io/exit-code=0
for _ in $(seq 60); do
  phase=$(curl -s "$api/api/namespaces/$ns/runs/$run" "${auth[@]}" | grep -oE '"phase" *: *"[A-Za-z]+"' | head -1 || true)
  [[ "$phase" == *Succeeded* ]] && break
  sleep 1
done
show curl -s "$api/api/namespaces/$ns/runs/$run" "${auth[@]}"
wait "$follower" || true
echo '# What the WebSocket client printed:'
cat "$state/demo-ws.log"

show "$kubectl" -n "$ns" delete agentrun "$run"
sleep 3
show curl -s "$api/api/namespaces/$ns/history/runs?instance=demo" "${auth[@]}"
show curl -s -o /dev/null -w '%{http_code}\n' "$api/api/namespaces/$ns/runs/$run" "${auth[@]}"
printf '\n$ curl -s %s/metrics | grep kubeclaw_\n' "$api"
curl -s "$api/metrics" | grep -E '^kubeclaw_(runs|admission_decisions_total|reconciles_total)' | head -20
