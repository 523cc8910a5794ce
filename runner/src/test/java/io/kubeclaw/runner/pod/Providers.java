package io.kubeclaw.runner.pod;

import io.kubeclaw.api.runner.RunnerEnv;
import io.kubeclaw.testsupport.llm.FakeLlmServer;
import io.kubeclaw.testsupport.llm.RecordedRequest;
import java.util.HashMap;
import java.util.Map;

/** The five providers as a run's environment would name them, pointed at the fake LLM, and what each must send. */
enum Providers {
    OPENAI("openai"), ANTHROPIC("anthropic"), AZURE_OPENAI("azure-openai"), OLLAMA("ollama"), OPENAI_COMPATIBLE("openai-compatible");

    static final String KEY = "sk-test-key";
    static final String DEPLOYMENT = "gpt4o-deploy";

    final String wireName;

    Providers(String wireName) {
        this.wireName = wireName;
    }

    Map<String, String> env(FakeLlmServer llm) {
        Map<String, String> env = new HashMap<>(Map.of(RunnerEnv.PROVIDER, wireName));
        switch (this) {
            case OPENAI -> env.putAll(Map.of(RunnerEnv.BASE_URL, llm.openAiBaseUrl(), RunnerEnv.MODEL, "gpt-4o", RunnerEnv.API_KEY, KEY));
            case ANTHROPIC -> env.putAll(Map.of(RunnerEnv.BASE_URL, llm.anthropicBaseUrl(), RunnerEnv.MODEL, "claude-sonnet-4-5",
                    RunnerEnv.API_KEY, KEY));
            // The resource endpoint only, as users write it: the runner adds the deployment path and api-version.
            case AZURE_OPENAI -> env.putAll(Map.of(RunnerEnv.BASE_URL, llm.baseUrl(), RunnerEnv.MODEL, DEPLOYMENT, RunnerEnv.API_KEY, KEY));
            // Ollama's server root, as users write it: the runner adds its OpenAI-compatible /v1.
            case OLLAMA -> env.putAll(Map.of(RunnerEnv.BASE_URL, llm.baseUrl(), RunnerEnv.MODEL, "llama3.1"));
            case OPENAI_COMPATIBLE -> env.putAll(Map.of(RunnerEnv.BASE_URL, llm.openAiBaseUrl(), RunnerEnv.MODEL, "mistral-small",
                    RunnerEnv.API_KEY, KEY));
        }
        return env;
    }

    String expectedPath() {
        return switch (this) {
            case ANTHROPIC -> "/v1/messages";
            case AZURE_OPENAI -> "/openai/deployments/" + DEPLOYMENT + "/chat/completions";
            default -> "/v1/chat/completions";
        };
    }

    /** The credential header the provider's API wants, with its value; null for none. */
    String credential(RecordedRequest request) {
        return switch (this) {
            case ANTHROPIC -> request.header("x-api-key");
            case AZURE_OPENAI -> request.header("api-key");
            default -> request.header("Authorization");
        };
    }

    String expectedCredential() {
        return switch (this) {
            case ANTHROPIC, AZURE_OPENAI -> KEY;
            case OLLAMA -> null;
            default -> "Bearer " + KEY;
        };
    }
}
