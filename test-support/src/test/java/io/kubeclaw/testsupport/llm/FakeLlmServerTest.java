package io.kubeclaw.testsupport.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class FakeLlmServerTest {

    private static final ToolSpecification WEATHER = ToolSpecification.builder()
            .name("get_weather")
            .description("Current weather in a city")
            .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build())
            .build();
    private static final ToolCall OSLO = new ToolCall("call_oslo_1", "get_weather", "{\"city\":\"Oslo\"}");
    private static final String ANSWER = "It is sunny in Oslo, eleven degrees.";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FakeLlmServer server;

    @BeforeEach
    void start() {
        server = FakeLlmServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void openAiClientCallsATool_thenGetsTheFinalAnswer() {
        server.script(Turn.toolCalls(OSLO).withUsage(11, 7), Turn.text(ANSWER).withUsage(30, 9));
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(server.openAiBaseUrl()).apiKey("k").modelName("gpt-4o-mini").maxRetries(0).build();

        ChatResponse[] responses = toolRoundTrip(model);

        assertThat(responses[0].tokenUsage().inputTokenCount()).isEqualTo(11);
        assertThat(responses[0].tokenUsage().outputTokenCount()).isEqualTo(7);
        assertThat(responses[0].tokenUsage().totalTokenCount()).isEqualTo(18);
        assertThat(responses[1].tokenUsage().inputTokenCount()).isEqualTo(30);
        assertThat(responses[1].tokenUsage().outputTokenCount()).isEqualTo(9);
        RecordedRequest first = server.requests().get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).isEqualTo("/v1/chat/completions");
        assertThat(first.header("authorization")).isEqualTo("Bearer k");
        assertThat(first.json().path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(first.json().path("tools").get(0).path("function").path("name").asText()).isEqualTo("get_weather");
        JsonNode toolMessage = messageWhere(server.requests().get(1).json(), "role", "tool");
        assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo(OSLO.id());
        assertThat(toolMessage.path("content").asText()).isEqualTo("sunny, 11 C");
        JsonNode assistant = messageWhere(server.requests().get(1).json(), "role", "assistant");
        assertThat(assistant.path("tool_calls").get(0).path("function").path("arguments").asText())
                .isEqualTo(OSLO.argumentsJson());
    }

    @Test
    void anthropicClientCallsATool_thenGetsTheFinalAnswer() {
        server.script(Turn.toolCalls(OSLO).withUsage(12, 8), Turn.text(ANSWER));
        ChatModel model = AnthropicChatModel.builder()
                .baseUrl(server.anthropicBaseUrl()).apiKey("k").modelName("claude-sonnet-4-5").maxRetries(0).build();

        ChatResponse[] responses = toolRoundTrip(model);

        assertThat(responses[0].tokenUsage().inputTokenCount()).isEqualTo(12);
        assertThat(responses[0].tokenUsage().outputTokenCount()).isEqualTo(8);
        assertThat(responses[1].tokenUsage().inputTokenCount()).isEqualTo(100);
        assertThat(responses[1].tokenUsage().outputTokenCount()).isEqualTo(20);
        RecordedRequest first = server.requests().get(0);
        assertThat(first.path()).isEqualTo("/v1/messages");
        assertThat(first.header("X-Api-Key")).isEqualTo("k");
        assertThat(first.header("anthropic-version")).isNotBlank();
        assertThat(first.json().path("tools").get(0).path("name").asText()).isEqualTo("get_weather");
        JsonNode toolResult = StreamSupport.stream(server.requests().get(1).json().path("messages").spliterator(), false)
                .flatMap(message -> StreamSupport.stream(message.path("content").spliterator(), false))
                .filter(block -> block.path("type").asText().equals("tool_result"))
                .findFirst().orElseThrow(() -> new AssertionError("no tool_result block in the second request"));
        assertThat(toolResult.path("tool_use_id").asText()).isEqualTo(OSLO.id());
        assertThat(toolResult.path("content").toString()).contains("sunny, 11 C");
    }

    @Test
    void azureDeploymentUrlWithApiVersionAndKey_answers() {
        server.script(Turn.text(ANSWER));
        ChatModel model = azure(Map.of("api-version", "2024-10-21"), Map.of("api-key", "k"));

        assertThat(model.chat(ChatRequest.builder().messages(UserMessage.from("Weather?")).build()).aiMessage().text())
                .isEqualTo(ANSWER);

        RecordedRequest request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/openai/deployments/gpt4o-deploy/chat/completions");
        assertThat(request.query()).isEqualTo("api-version=2024-10-21");
        assertThat(request.header("api-key")).isEqualTo("k");
        assertThat(request.header("authorization")).isNull();
    }

    @Test
    void azureWithoutApiVersion_isNotFound_andWithoutKey_isUnauthorized() throws Exception {
        server.script(Turn.text("never served"));
        ChatModel noVersion = azure(Map.of(), Map.of("api-key", "k"));
        ChatModel noKey = azure(Map.of("api-version", "2024-10-21"), Map.of());

        assertThatThrownBy(() -> noVersion.chat("Weather?")).isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("Resource not found");
        assertThatThrownBy(() -> noKey.chat("Weather?")).isInstanceOf(AuthenticationException.class);

        assertThat(server.requests()).extracting(RecordedRequest::query).containsExactly(null, "api-version=2024-10-21");
        HttpResponse<String> raw = post(server.azureBaseUrl("gpt4o-deploy") + "/chat/completions", "{}", "api-key", "k");
        assertThat(raw.statusCode()).isEqualTo(404);
        assertThat(json(raw).path("error").path("code").asText()).isEqualTo("404");
        assertThat(json(raw).path("error").path("message").asText()).isEqualTo("Resource not found");
        // Refusals consume no turn: the scripted answer is still there for a correct request.
        assertThat(azure(Map.of("api-version", "2024-10-21"), Map.of("api-key", "k")).chat("Weather?"))
                .isEqualTo("never served");
    }

    @Test
    void openAiStreaming_deliversTheTextInPieces_andAToolCall() throws Exception {
        server.script(Turn.text(ANSWER).withUsage(40, 10), Turn.toolCalls(OSLO));
        StreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(server.openAiBaseUrl()).apiKey("k").modelName("gpt-4o-mini").build();

        Streamed text = stream(model, ChatRequest.builder().messages(UserMessage.from("Weather?")).build());
        Streamed tool = stream(model, ChatRequest.builder().messages(UserMessage.from("Weather?"))
                .toolSpecifications(WEATHER).build());

        assertStreamedTextAndTool(text, tool);
        // The usage arrives in the extra chunk that stream_options.include_usage asks for.
        assertThat(server.requests().get(0).json().path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(text.response().tokenUsage().inputTokenCount()).isEqualTo(40);
        assertThat(text.response().tokenUsage().outputTokenCount()).isEqualTo(10);
        assertThat(server.requests().get(0).json().path("stream").asBoolean()).isTrue();
    }

    @Test
    void anthropicStreaming_deliversTheTextInPieces_andAToolCall() throws Exception {
        server.script(Turn.text(ANSWER).withUsage(40, 10), Turn.toolCalls(OSLO));
        StreamingChatModel model = AnthropicStreamingChatModel.builder()
                .baseUrl(server.anthropicBaseUrl()).apiKey("k").modelName("claude-sonnet-4-5").build();

        Streamed text = stream(model, ChatRequest.builder().messages(UserMessage.from("Weather?")).build());
        Streamed tool = stream(model, ChatRequest.builder().messages(UserMessage.from("Weather?"))
                .toolSpecifications(WEATHER).build());

        assertStreamedTextAndTool(text, tool);
        assertThat(text.response().tokenUsage().inputTokenCount()).isEqualTo(40);
        assertThat(text.response().tokenUsage().outputTokenCount()).isEqualTo(10);
        assertThat(server.requests().get(0).json().path("stream").asBoolean()).isTrue();
    }

    @Test
    void rateLimit_surfacesAsRateLimitException_withTheRetryAfterHeaderOnTheWire() throws Exception {
        server.script(Turn.error(429, "slow down", Map.of("retry-after", "1")));
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(server.openAiBaseUrl()).apiKey("k").modelName("gpt-4o-mini").maxRetries(0).build();

        assertThatThrownBy(() -> model.chat("hi")).isInstanceOf(RateLimitException.class).hasMessageContaining("slow down");

        server.script(Turn.error(429, "slow down", Map.of("retry-after", "1")));
        HttpResponse<String> raw = post(server.openAiBaseUrl() + "/chat/completions", "{\"model\":\"m\"}");
        assertThat(raw.statusCode()).isEqualTo(429);
        assertThat(raw.headers().firstValue("retry-after")).hasValue("1");
        assertThat(json(raw).path("error").path("message").asText()).isEqualTo("slow down");
        assertThat(json(raw).path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void anthropicRateLimit_surfacesAsRateLimitException_inAnthropicsErrorShape() throws Exception {
        server.script(Turn.error(429, "slow down", Map.of("retry-after", "1")));
        ChatModel model = AnthropicChatModel.builder()
                .baseUrl(server.anthropicBaseUrl()).apiKey("k").modelName("claude-sonnet-4-5").maxRetries(0).build();

        assertThatThrownBy(() -> model.chat("hi")).isInstanceOf(RateLimitException.class).hasMessageContaining("slow down");

        server.script(Turn.error(529, "busy", Map.of()));
        HttpResponse<String> raw = post(server.anthropicBaseUrl() + "/messages", "{}",
                "x-api-key", "k", "anthropic-version", "2023-06-01");
        assertThat(raw.statusCode()).isEqualTo(529);
        assertThat(json(raw).path("type").asText()).isEqualTo("error");
        assertThat(json(raw).path("error").path("type").asText()).isEqualTo("overloaded_error");
        assertThat(json(raw).path("error").path("message").asText()).isEqualTo("busy");
    }

    @Test
    void clientRetryConsumesTheNextTurn() {
        server.script(Turn.error(503, "try again", Map.of("retry-after", "1")), Turn.text(ANSWER));
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(server.openAiBaseUrl()).apiKey("k").modelName("gpt-4o-mini").maxRetries(1).build();

        assertThat(model.chat("hi")).isEqualTo(ANSWER);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void hangingTurn_timesTheClientOut() {
        server.script(Turn.hang());
        ChatModel model = OpenAiChatModel.builder().baseUrl(server.openAiBaseUrl()).apiKey("k").modelName("gpt-4o-mini")
                .timeout(Duration.ofSeconds(1)).maxRetries(0).build();

        long started = System.nanoTime();
        assertThatThrownBy(() -> model.chat("hi")).isInstanceOf(TimeoutException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void hangingRequests_doNotBlockTheNextOnes() throws Exception {
        server.script(Turn.hang(), Turn.hang());
        for (int i = 0; i < 2; i++) {
            http.sendAsync(request(server.openAiBaseUrl() + "/chat/completions")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());
        }
        server.awaitRequest(1, Duration.ofSeconds(5));
        server.script(Turn.text(ANSWER));

        HttpResponse<String> answered = post(server.openAiBaseUrl() + "/chat/completions", "{}");

        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(json(answered).path("choices").get(0).path("message").path("content").asText()).isEqualTo(ANSWER);
    }

    @Test
    void close_releasesAHangingRequest() throws Exception {
        server.script(Turn.hang());
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(
                request(server.openAiBaseUrl() + "/chat/completions").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        server.awaitRequest(0, Duration.ofSeconds(5));
        assertThat(pending).isNotDone();

        long started = System.nanoTime();
        server.close();

        assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void emptyScript_answers500WithAClearMessage_inEachProvidersShape() throws Exception {
        HttpResponse<String> openAi = post(server.openAiBaseUrl() + "/chat/completions", "{}");
        HttpResponse<String> anthropic = post(server.anthropicBaseUrl() + "/messages", "{}",
                "x-api-key", "k", "anthropic-version", "2023-06-01");

        assertThat(openAi.statusCode()).isEqualTo(500);
        assertThat(json(openAi).path("error").path("message").asText()).isEqualTo(FakeLlmServer.NO_TURN_LEFT);
        assertThat(json(openAi).path("error").path("type").asText()).isEqualTo("server_error");
        assertThat(anthropic.statusCode()).isEqualTo(500);
        assertThat(json(anthropic).path("error").path("type").asText()).isEqualTo("api_error");
        assertThat(json(anthropic).path("error").path("message").asText()).isEqualTo(FakeLlmServer.NO_TURN_LEFT);
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(server.openAiBaseUrl()).apiKey("k").modelName("gpt-4o-mini").maxRetries(0).build();
        assertThatThrownBy(() -> model.chat("hi")).isInstanceOf(InternalServerException.class)
                .hasMessageContaining(FakeLlmServer.NO_TURN_LEFT);
    }

    @Test
    void ollamaPath_needsNoKey_andAnswersInOpenAiShape() throws Exception {
        server.script(Turn.toolCalls(OSLO));

        HttpResponse<String> raw = post(server.ollamaBaseUrl() + "/chat/completions", "{\"model\":\"llama3.2\"}");

        assertThat(raw.statusCode()).isEqualTo(200);
        JsonNode completion = json(raw);
        assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.path("model").asText()).isEqualTo("llama3.2");
        JsonNode choice = completion.path("choices").get(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(choice.path("message").path("content").isNull()).isTrue();
        assertThat(choice.path("message").path("tool_calls").get(0).path("function").path("arguments").asText())
                .isEqualTo(OSLO.argumentsJson());
        assertThat(completion.path("usage").path("total_tokens").asLong()).isEqualTo(120);
        assertThat(server.requests().get(0).header("authorization")).isNull();
    }

    @Test
    void anthropicWithoutKey_isRefusedWithoutConsumingATurn() throws Exception {
        server.script(Turn.text(ANSWER));

        HttpResponse<String> raw = post(server.anthropicBaseUrl() + "/messages", "{}", "anthropic-version", "2023-06-01");

        assertThat(raw.statusCode()).isEqualTo(401);
        assertThat(json(raw).path("error").path("type").asText()).isEqualTo("authentication_error");
        assertThat(post(server.anthropicBaseUrl() + "/messages", "{}", "x-api-key", "k", "anthropic-version",
                "2023-06-01").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathIs404_getIs405_andBothAreRecorded() throws Exception {
        HttpResponse<String> unknown = post(server.baseUrl() + "/v1/embeddings", "{}");
        HttpResponse<String> get = http.send(request(server.openAiBaseUrl() + "/chat/completions").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").path("message").asText()).contains("/v1/embeddings");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("allow")).hasValue("POST");
        assertThat(server.requests()).extracting(RecordedRequest::method, RecordedRequest::path)
                .containsExactly(tuple("POST", "/v1/embeddings"), tuple("GET", "/v1/chat/completions"));
    }

    @Test
    void awaitRequest_failsClearlyWhenTheRequestNeverComes() {
        assertThatThrownBy(() -> server.awaitRequest(0, Duration.ofMillis(100)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("0 request(s)");
    }

    /** Asks for the weather, runs the tool the model picked, sends its result back; the responses of both calls. */
    private ChatResponse[] toolRoundTrip(ChatModel model) {
        UserMessage question = UserMessage.from("What is the weather in Oslo?");
        ChatResponse first = model.chat(ChatRequest.builder().messages(question).toolSpecifications(WEATHER).build());

        assertThat(first.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(first.aiMessage().toolExecutionRequests()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo(OSLO.id());
            assertThat(call.name()).isEqualTo(OSLO.name());
            assertThat(Json.parse(call.arguments())).isEqualTo(Json.parse(OSLO.argumentsJson()));
        });

        ToolExecutionRequest call = first.aiMessage().toolExecutionRequests().get(0);
        List<ChatMessage> conversation = List.of(question, first.aiMessage(),
                ToolExecutionResultMessage.from(call, "sunny, 11 C"));
        ChatResponse second = model.chat(ChatRequest.builder().messages(conversation).toolSpecifications(WEATHER).build());

        assertThat(second.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(second.aiMessage().text()).isEqualTo(ANSWER);
        assertThat(second.aiMessage().hasToolExecutionRequests()).isFalse();
        assertThat(server.requests()).hasSize(2);
        return new ChatResponse[] {first, second};
    }

    private static void assertStreamedTextAndTool(Streamed text, Streamed tool) {
        assertThat(text.partials()).hasSizeGreaterThan(1);
        assertThat(String.join("", text.partials())).isEqualTo(ANSWER);
        assertThat(text.response().aiMessage().text()).isEqualTo(ANSWER);
        assertThat(text.response().finishReason()).isEqualTo(FinishReason.STOP);

        assertThat(tool.response().finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(tool.response().aiMessage().toolExecutionRequests()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo(OSLO.id());
            assertThat(call.name()).isEqualTo(OSLO.name());
            assertThat(Json.parse(call.arguments())).isEqualTo(Json.parse(OSLO.argumentsJson()));
        });
        assertThat(tool.partialToolCalls()).hasSizeGreaterThan(1);
        assertThat(String.join("", tool.partialToolCalls().stream().map(PartialToolCall::partialArguments).toList()))
                .isEqualTo(OSLO.argumentsJson());
        assertThat(tool.completeToolCalls()).hasSize(1);
    }

    private record Streamed(List<String> partials, List<PartialToolCall> partialToolCalls,
            List<CompleteToolCall> completeToolCalls, ChatResponse response) {
    }

    private static Streamed stream(StreamingChatModel model, ChatRequest request) throws Exception {
        List<String> partials = new CopyOnWriteArrayList<>();
        List<PartialToolCall> partialToolCalls = new CopyOnWriteArrayList<>();
        List<CompleteToolCall> completeToolCalls = new CopyOnWriteArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.add(partial);
            }

            @Override
            public void onPartialToolCall(PartialToolCall partial) {
                partialToolCalls.add(partial);
            }

            @Override
            public void onCompleteToolCall(CompleteToolCall complete) {
                completeToolCalls.add(complete);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(10, TimeUnit.SECONDS);
        return new Streamed(new ArrayList<>(partials), new ArrayList<>(partialToolCalls),
                new ArrayList<>(completeToolCalls), response);
    }

    private ChatModel azure(Map<String, String> query, Map<String, String> headers) {
        return OpenAiChatModel.builder().baseUrl(server.azureBaseUrl("gpt4o-deploy"))
                .customQueryParams(query).customHeaders(headers).modelName("gpt-4o").maxRetries(0).build();
    }

    private static JsonNode messageWhere(JsonNode request, String field, String value) {
        return StreamSupport.stream(request.path("messages").spliterator(), false)
                .filter(message -> message.path(field).asText().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError("no message with " + field + "=" + value));
    }

    private HttpResponse<String> post(String url, String body, String... headers) throws Exception {
        HttpRequest.Builder request = request(url).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.parse(response.body());
    }
}
