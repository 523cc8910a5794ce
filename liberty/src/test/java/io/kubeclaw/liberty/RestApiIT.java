package io.kubeclaw.liberty;

import static io.kubeclaw.liberty.AgentRunIT.jsonpath;
import static io.kubeclaw.liberty.AgentRunIT.kubectl;
import static io.kubeclaw.liberty.AgentRunIT.podOf;
import static io.kubeclaw.liberty.AgentRunIT.readyNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeclaw.api.events.RunResult;
import io.kubeclaw.api.events.RunResultMarker;
import io.kubeclaw.api.v1alpha1.common.ChannelType;
import io.kubeclaw.api.v1alpha1.run.TokenUsage;
import io.kubeclaw.testsupport.api.ApiClient.Answer;
import io.kubeclaw.testsupport.api.ApiClient;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import io.kubeclaw.testsupport.fixtures.ClawPolicyFixture;
import io.kubeclaw.testsupport.kube.FakeKubelet;
import io.kubeclaw.testsupport.kube.KubeControlPlane;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST API in a real Liberty against the real apiserver: callers are authenticated by TokenReview and
 * authorized by SubjectAccessReview with real ServiceAccount tokens, and every resource call lands on the CRs.
 */
class RestApiIT {

    private static KubeControlPlane kube;
    private static String baseUrl;

    @BeforeAll
    static void startServer() {
        AgentRunIT.startServer();
        kube = KubeControlPlane.cluster();
        baseUrl = ControlPlaneServers.shared().baseUrl();
    }

    @Test
    void everyCallNeedsATokenTheApiserverAccepts() {
        String ns = readyNamespace("api-authn");
        String goneToken = serviceAccountWithKubeClawRights(ns, "gone");
        kubectl().run("delete", "serviceaccount", "gone", "-n", ns).orThrow("delete sa");

        Answer anonymous = ApiClient.anonymous(baseUrl).get("/api/namespaces/" + ns + "/instances");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.detail()).startsWith("no bearer token: send a Kubernetes bearer token").contains("kubectl create token");

        Answer garbage = ApiClient.withToken(baseUrl, "not-a-token").get("/api/namespaces/" + ns + "/instances");
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.detail()).startsWith("the Kubernetes API server did not accept the token");

        Answer deleted = ApiClient.withToken(baseUrl, goneToken).get("/api/namespaces/" + ns + "/instances");
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(401);
        assertThat(deleted.detail()).startsWith("the Kubernetes API server did not accept the token");

        // Health needs no token (503 only while the server is still getting ready).
        assertThat(ApiClient.anonymous(baseUrl).get("/health/ready").status()).isIn(200, 503);
    }

    @Test
    void aCallerSeesAndDoesExactlyWhatRbacGrantsThemPerNamespace() {
        String mine = readyNamespace("api-a");
        String theirs = readyNamespace("api-b");
        ApiClient alice = ApiClient.withToken(baseUrl, serviceAccountWithKubeClawRights(mine, "alice"));
        String user = "system:serviceaccount:" + mine + ":alice";

        assertThat(alice.get("/api/namespaces/" + mine + "/instances").status()).isEqualTo(200);
        Answer forbidden = alice.get("/api/namespaces/" + theirs + "/instances");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.detail()).isEqualTo("user \"" + user + "\" may not list clawinstances.kubeclaw.io in namespace \"" + theirs
                + "\": kubectl auth can-i shows the same answer; ask for a Role that grants it");
        assertThat(kubectl().run("auth", "can-i", "list", "clawinstances.kubeclaw.io", "-n", theirs, "--as", user).stdout().strip()).isEqualTo("no");
        assertThat(kubectl().run("auth", "can-i", "list", "clawinstances.kubeclaw.io", "-n", mine, "--as", user).stdout().strip()).isEqualTo("yes");
        assertThat(alice.post("/api/namespaces/" + theirs + "/runs", "{\"instance\":\"sre\",\"task\":\"t\"}").status()).isEqualTo(403);
        assertThat(kube.client().resources(io.kubeclaw.api.v1alpha1.AgentRun.class).inNamespace(theirs).list().getItems()).isEmpty();
    }

    @Test
    void resourcesAreTheCustomResourcesKubectlSeesWithTheApiserversErrors() {
        String ns = readyNamespace("api-crud");
        ApiClient api = ApiClient.withToken(baseUrl, serviceAccountWithKubeClawRights(ns, "editor"));
        String instances = "/api/namespaces/" + ns + "/instances";

        Answer created = api.post(instances, Serialization.asJson(ClawInstanceFixture.instance("sre").withLabel("team", "payments").build()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().at("/metadata/uid").asText()).isEqualTo(jsonpath(ns, "clawinstance", "sre", "{.metadata.uid}"));
        api.post(instances, Serialization.asJson(ClawInstanceFixture.instance("bot").build()));

        Answer again = api.post(instances, Serialization.asJson(ClawInstanceFixture.instance("sre").build()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).isEqualTo("clawinstances.kubeclaw.io \"sre\" already exists");

        Answer unprocessable = api.post(instances, Serialization.asJson(ClawInstanceFixture.instance("Bad_Name").build()));
        assertThat(unprocessable.status()).isEqualTo(422);
        assertThat(unprocessable.detail()).startsWith("ClawInstance.kubeclaw.io \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\"");
        String unknownProvider = Serialization.asJson(ClawInstanceFixture.instance("broken").build()).replace("\"openai\"", "\"gpt\"");
        Answer unreadable = api.post(instances, unknownProvider);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.detail()).startsWith("the request body could not be read: Cannot deserialize value of type").contains("\"gpt\"", "openai");

        Answer misspelt = api.post(instances, "{\"metadata\":{\"name\":\"x\"},\"spce\":{}}");
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.detail()).startsWith("the request body could not be read: Unrecognized field \"spce\"");

        Answer missing = api.get(instances + "/nobody");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.detail()).isEqualTo("ClawInstance \"nobody\" not found in namespace \"" + ns + "\"");

        Answer selected = api.get(instances + "?labelSelector=team%3Dpayments");
        assertThat(names(selected)).containsExactly("sre");
        Answer firstPage = api.get(instances + "?limit=1");
        assertThat(names(firstPage)).containsExactly("bot");
        Answer secondPage = api.get(instances + "?limit=1&continue=" + firstPage.json().path("continueToken").asText());
        assertThat(names(secondPage)).containsExactly("sre");
        assertThat(secondPage.json().has("continueToken")).isFalse();

        String version = api.get(instances + "/sre").json().at("/metadata/resourceVersion").asText();
        Answer patched = api.mergePatch(instances + "/sre", "{\"metadata\":{\"resourceVersion\":\"" + version + "\",\"labels\":{\"tier\":\"gold\"}}}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(jsonpath(ns, "clawinstance", "sre", "{.metadata.labels.tier}")).isEqualTo("gold");
        Answer stale = api.mergePatch(instances + "/sre", "{\"metadata\":{\"resourceVersion\":\"" + version + "\",\"labels\":{\"tier\":\"tin\"}}}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.detail()).contains("the object has been modified");

        assertThat(api.delete(instances + "/bot").status()).isEqualTo(204);
        assertThat(kubectl().run("get", "clawinstance", "bot", "-n", ns).ok()).isFalse();
        assertThat(api.delete(instances + "/bot").status()).isEqualTo(404);
    }

    @Test
    void runsStartFromARequestAndTheirLogsCanBeFollowed() throws Exception {
        String ns = readyNamespace("api-runs");
        ApiClient api = ApiClient.withToken(baseUrl, serviceAccountWithKubeClawRights(ns, "operator"));
        kubectl().apply(ClawInstanceFixture.instance("sre").toYaml(), ns).orThrow("instance");

        Answer started = api.post("/api/namespaces/" + ns + "/runs", "{\"instance\":\"sre\",\"task\":\"why is payments down?\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String run = started.json().at("/metadata/name").asText();
        assertThat(run).startsWith("sre-");
        assertThat(jsonpath(ns, "agentrun", run, "{.spec.instanceRef}|{.spec.task}")).isEqualTo("sre|why is payments down?");
        Answer incomplete = api.post("/api/namespaces/" + ns + "/runs", "{\"task\":\"t\"}");
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.detail()).startsWith("instance is required");

        String pod = podOf(ns, run).getMetadata().getName();
        Answer pods = api.get("/api/namespaces/" + ns + "/pods");
        assertThat(pods.json().findValuesAsText("run")).contains(run);
        new FakeKubelet(kube.client(), Path.of("target", "fake-kubelet").toAbsolutePath()).serveLog(ns, pod, "agent", "thinking...\nchecking pods\n");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(api.get("/api/namespaces/" + ns + "/runs/" + run + "/logs").body()).contains("thinking...\nchecking pods\n"));

        HttpResponse<java.io.InputStream> followed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/namespaces/" + ns + "/runs/" + run + "/logs?follow=true"))
                .header("Authorization", "Bearer " + apiToken(ns, "operator"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(followed.statusCode()).isEqualTo(200);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(followed.body(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("thinking...");
        }
    }

    @Test
    void memoryIsReadAndReplacedWithinItsSizeAndWithoutLosingAConcurrentChange() {
        String ns = readyNamespace("api-memory");
        ApiClient api = ApiClient.withToken(baseUrl, serviceAccountWithKubeClawRights(ns, "curator"));
        kubectl().apply(ClawInstanceFixture.instance("sre").withMemoryMaxSizeKB(1).toYaml(), ns).orThrow("instance");
        String memory = "/api/namespaces/" + ns + "/instances/sre/memory";
        Answer read = await().atMost(Duration.ofMinutes(1)).until(() -> api.get(memory), answer -> answer.status() == 200);
        assertThat(read.json().path("content").asText()).isEqualTo("# Memory of sre\n");
        assertThat(read.json().path("maxSizeBytes").asInt()).isEqualTo(1024);

        String version = read.json().path("resourceVersion").asText();
        Answer replaced = api.put(memory, "{\"content\":\"# Memory of sre\\n- payments restarts nightly\\n\",\"resourceVersion\":\"" + version + "\"}");
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(jsonpath(ns, "configmap", "sre-memory", "{.data.MEMORY\\.md}")).isEqualTo("# Memory of sre\n- payments restarts nightly\n");

        Answer stale = api.put(memory, "{\"content\":\"overwrite\",\"resourceVersion\":\"" + version + "\"}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.detail()).startsWith("the memory of \"sre\" changed since it was read");
        Answer tooBig = api.put(memory, "{\"content\":\"" + "x".repeat(1025) + "\"}");
        assertThat(tooBig.status()).isEqualTo(422);
        assertThat(tooBig.detail()).isEqualTo("the memory is 1025 bytes, more than instance \"sre\" keeps (1024 bytes, spec.memory.maxSizeKB): "
                + "shorten it, or raise the limit on the instance");
        assertThat(jsonpath(ns, "configmap", "sre-memory", "{.data.MEMORY\\.md}")).isEqualTo("# Memory of sre\n- payments restarts nightly\n");
    }

    @Test
    void featureGatesAreSwitchedOnThePolicy() {
        String ns = readyNamespace("api-features");
        ApiClient api = ApiClient.withToken(baseUrl, serviceAccountWithKubeClawRights(ns, "admin"));
        kubectl().apply(ClawPolicyFixture.policy("ops").toYaml(), ns).orThrow("policy");

        assertThat(api.put("/api/namespaces/" + ns + "/policies/ops/features/web-fetch", null).status()).isEqualTo(200);
        assertThat(jsonpath(ns, "clawpolicy", "ops", "{.spec.featureGates.web-fetch}")).isEqualTo("true");
        assertThat(api.delete("/api/namespaces/" + ns + "/policies/ops/features/web-fetch").status()).isEqualTo(200);
        assertThat(jsonpath(ns, "clawpolicy", "ops", "{.spec.featureGates.web-fetch}")).isEqualTo("false");
        assertThat(api.put("/api/namespaces/" + ns + "/policies/ops/features/no%20such", null).status()).isEqualTo(422);
        Answer unknown = api.put("/api/namespaces/" + ns + "/policies/ops/features/browser-automation", null);
        assertThat(unknown.status()).as("a gate that would take no effect is refused, not stored").isEqualTo(422);
        assertThat(unknown.detail()).contains("a feature gate is one of code-execution, web-fetch, file-write, channel-messages, scheduling");
    }

    @Test
    void theOpenApiDocumentDescribesEveryPathAndTheBearerScheme() {
        Answer document = ApiClient.anonymous(baseUrl).get("/openapi?format=JSON");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().path("paths").fieldNames()).toIterable().contains(
                "/api/namespaces/{namespace}/instances", "/api/namespaces/{namespace}/instances/{name}",
                "/api/namespaces/{namespace}/instances/{name}/memory", "/api/namespaces/{namespace}/instances/{name}/channels",
                "/api/namespaces/{namespace}/runs", "/api/namespaces/{namespace}/runs/{name}/logs",
                "/api/namespaces/{namespace}/policies/{name}/features/{gate}", "/api/namespaces/{namespace}/skills",
                "/api/namespaces/{namespace}/schedules", "/api/namespaces/{namespace}/pods");
        assertThat(document.json().at("/components/securitySchemes/kubernetes/scheme").asText()).isEqualTo("bearer");
        assertThat(document.json().at("/components/schemas/RunRequest/required").toString()).contains("instance", "task");
    }

    @Test
    void theOpenApiDocumentTypesEveryCustomResourceAndEveryAnswer() throws Exception {
        JsonNode document = ApiClient.anonymous(baseUrl).get("/openapi?format=JSON").json();
        // Kept beside the reports: the document as served, to generate a client from or to read.
        Files.writeString(Path.of("target", "openapi.json"), document.toPrettyString());
        JsonNode schemas = document.path("components").path("schemas");

        for (String kind : List.of("ClawInstance", "AgentRun", "ClawPolicy", "SkillPack", "ClawSchedule")) {
            assertThat(schemas.path(kind).path("properties").fieldNames()).toIterable().as(kind)
                    .containsExactly("apiVersion", "kind", "metadata", "spec", "status");
            assertThat(schemas.path("ResourcePage" + kind).at("/properties/items/items/$ref").asText()).isEqualTo("#/components/schemas/" + kind);
        }
        assertThat(schemas.at("/AgentRun/properties/spec/properties").fieldNames()).toIterable().contains("instanceRef", "task", "timeout");
        assertThat(schemas.at("/AgentRun/properties/spec/required").toString()).contains("instanceRef", "task");
        assertThat(schemas.at("/ClawSchedule/properties/spec/properties/concurrencyPolicy/enum").toString()).isEqualTo("[\"Allow\",\"Forbid\",\"Replace\"]");
        assertThat(schemas.at("/ObjectMeta/properties/resourceVersion/type").asText()).isEqualTo("string");
        assertThat(schemas.path("Problem").path("properties").fieldNames()).toIterable().contains("title", "status", "detail");

        JsonNode runs = document.path("paths").path("/api/namespaces/{namespace}/runs");
        JsonNode run = document.path("paths").path("/api/namespaces/{namespace}/runs/{name}");
        assertThat(run.at("/get/responses/200/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/AgentRun");
        assertThat(run.at("/get/responses/404/content/application~1problem+json/schema/$ref").asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(run.at("/patch/requestBody/content/application~1merge-patch+json/schema/$ref").asText()).isEqualTo("#/components/schemas/AgentRun");
        assertThat(runs.at("/post/responses/201/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/AgentRun");
        assertThat(runs.at("/post/requestBody/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/RunRequest");
        assertThat(runs.at("/get/responses/200/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/ResourcePageAgentRun");
        assertThat(document.at("/paths/~1api~1namespaces~1{namespace}~1instances/post/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ClawInstance");

        List<String> withoutSuccess = new ArrayList<>();
        List<String> untypedErrors = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            JsonNode responses = operation.getValue().path("responses");
            if (responses.properties().stream().noneMatch(response -> response.getKey().startsWith("2"))) {
                withoutSuccess.add(name);
            }
            responses.properties().stream().filter(response -> response.getKey().startsWith("4"))
                    .filter(response -> !response.getValue().at("/content/application~1problem+json/schema/$ref").asText().endsWith("/Problem"))
                    .forEach(response -> untypedErrors.add(name + " " + response.getKey()));
        }));
        assertThat(withoutSuccess).as("operations without a success response").isEmpty();
        assertThat(untypedErrors).as("error responses that are not a Problem").isEmpty();
        String everything = document.toString();
        assertThat(schemas.fieldNames()).toIterable().as("schemas no operation refers to")
                .allMatch(name -> everything.contains("\"#/components/schemas/" + name + "\""));
    }

    @Test
    void theRunHistoryOutlivesTheAgentRunAndAChatRunIsPartOfItsConversation() {
        String ns = readyNamespace("api-history");
        ApiClient api = ApiClient.withToken(baseUrl, serviceAccountWithKubeClawRights(ns, "historian"));
        ApiClient stranger = ApiClient.withToken(baseUrl, serviceAccountWithKubeClawRights(readyNamespace("api-elsewhere"), "stranger"));
        kubectl().apply(ClawInstanceFixture.instance("sre").toYaml(), ns).orThrow("instance");
        kubectl().apply(AgentRunFixture.run("chat-1").forInstance("sre").withTask("is payments healthy?").withSessionKey("telegram:4242")
                .replyTo(ChannelType.TELEGRAM, "4242").toYaml(), ns).orThrow("run");
        String pod = podOf(ns, "chat-1").getMetadata().getName();
        new FakeKubelet(kube.client(), Path.of("target", "fake-kubelet").toAbsolutePath()).exit(ns, pod, "agent", RunResultMarker.format(
                new RunResult(RunResult.VERSION, true, "payments is healthy", null, new TokenUsage(1200L, 340L), 4, null)) + "\n", 0);

        String history = "/api/namespaces/" + ns + "/history/runs?instance=sre";
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(api.get(history).json().path(0).path("phase").asText()).isEqualTo("Succeeded"));
        assertThat(api.delete("/api/namespaces/" + ns + "/runs/chat-1").status()).isEqualTo(204);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(api.get(history).json().path(0).hasNonNull("deletedAt")).isTrue());
        var row = api.get(history).json();
        assertThat(row).hasSize(1);
        assertThat(row.path(0).path("name").asText() + "|" + row.path(0).path("task").asText() + "|" + row.path(0).path("result").asText() + "|"
                + row.path(0).path("inputTokens").asLong() + "/" + row.path(0).path("outputTokens").asLong() + "|" + row.path(0).path("toolCalls").asInt())
                .isEqualTo("chat-1|is payments healthy?|payments is healthy|1200/340|4");
        assertThat(kubectl().run("get", "agentrun", "chat-1", "-n", ns).ok()).isFalse();
        assertThat(api.get(history + "&phase=Failed").json()).isEmpty();
        assertThat(api.get(history + "&since=2099-01-01T00:00:00Z").json()).isEmpty();
        Answer badTime = api.get(history + "&since=yesterday");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.detail()).isEqualTo("since must be an RFC 3339 time such as 2026-11-24T10:00:00Z, not \"yesterday\"");
        assertThat(api.get("/api/runs").status()).as("cluster-wide history needs cluster-wide rights").isEqualTo(403);

        var sessions = api.get("/api/namespaces/" + ns + "/sessions?instance=sre").json();
        assertThat(sessions).hasSize(1);
        assertThat(sessions.path(0).path("sessionKey").asText() + "|" + sessions.path(0).path("channel").asText() + "|"
                + sessions.path(0).path("participants")).isEqualTo("telegram:4242|telegram|[\"4242\"]");
        String transcript = "/api/namespaces/" + ns + "/sessions/" + sessions.path(0).path("id").asLong() + "/messages";
        List<String> lines = new ArrayList<>();
        api.get(transcript).json().forEach(line -> lines.add(line.path("role").asText() + ": " + line.path("text").asText()));
        assertThat(lines).containsExactly("user: is payments healthy?", "agent: payments is healthy");
        assertThat(stranger.get(transcript).status()).isEqualTo(403);
        assertThat(stranger.get("/api/namespaces/" + ns + "/sessions?instance=sre").status()).isEqualTo(403);
    }

    private static List<String> names(Answer page) {
        List<String> names = new ArrayList<>();
        page.json().path("items").forEach(item -> names.add(item.at("/metadata/name").asText()));
        return names;
    }

    /**
     * A ServiceAccount with every right on KubeClaw resources (policies included), Jobs, pods and their logs, the memory
     * ConfigMaps and the channel Deployments in {@code ns}, read of the fixtures' provider-key Secret, and an API token.
     */
    static String serviceAccountWithKubeClawRights(String ns, String name) {
        kubectl().run("create", "serviceaccount", name, "-n", ns).orThrow("serviceaccount");
        kubectl().run("create", "role", name, "-n", ns, "--verb=*", "--resource=clawinstances.kubeclaw.io,agentruns.kubeclaw.io,"
                + "clawpolicies.kubeclaw.io,skillpacks.kubeclaw.io,clawschedules.kubeclaw.io,pods,pods/log,jobs.batch,configmaps,deployments.apps").orThrow("role");
        kubectl().run("create", "rolebinding", name, "-n", ns, "--role=" + name, "--serviceaccount=" + ns + ":" + name).orThrow("binding");
        // The fixtures' instances name this Secret for their provider key; naming it takes the right to read it.
        kubectl().run("create", "role", name + "-provider-key", "-n", ns, "--verb=get", "--resource=secrets", "--resource-name=openai-api")
                .orThrow("secret role");
        kubectl().run("create", "rolebinding", name + "-provider-key", "-n", ns, "--role=" + name + "-provider-key",
                "--serviceaccount=" + ns + ":" + name).orThrow("secret binding");
        return apiToken(ns, name);
    }

    /** A token of ServiceAccount {@code name} made for KubeClaw's API (its audience), as a user would make one. */
    static String apiToken(String ns, String name) {
        return kubectl().run("create", "token", name, "-n", ns, "--audience", "kubeclaw").orThrow("token").stdout().strip();
    }
}
