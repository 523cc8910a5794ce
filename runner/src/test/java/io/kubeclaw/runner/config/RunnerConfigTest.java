package io.kubeclaw.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.kubeclaw.api.runner.EgressRules;
import io.kubeclaw.api.runner.ToolRules;
import io.kubeclaw.api.v1alpha1.instance.ProviderName;
import io.kubeclaw.runner.config.RunnerConfig.ReplyTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RunnerConfigTest {

    /** What the control plane always sets, for an OpenAI instance. */
    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("KUBECLAW_NAMESPACE", "team-a");
        env.put("KUBECLAW_INSTANCE", "helper");
        env.put("KUBECLAW_RUN_NAME", "run-1");
        env.put("KUBECLAW_PROVIDER", "openai");
        env.put("KUBECLAW_MODEL", "gpt-4o");
        env.put("KUBECLAW_API_KEY", "sk-test");
        env.put("KUBECLAW_TASK", "Check the pods.");
        return env;
    }

    private static Map<String, String> with(String... pairs) {
        Map<String, String> env = minimal();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                env.remove(pairs[i]);
            } else {
                env.put(pairs[i], pairs[i + 1]);
            }
        }
        return env;
    }

    @Test
    void aMinimalEnvironmentGetsTheDefaults() {
        RunnerConfig config = RunnerConfig.fromEnvironment(minimal());

        assertThat(config).isEqualTo(new RunnerConfig(
                new RunIdentity("team-a", "helper", "run-1"),
                new ProviderSettings(ProviderName.OPENAI, "gpt-4o", null, "sk-test", null, Duration.ofMinutes(2)),
                "Check the pods.",
                null,
                new RunLimits(25, Duration.ofMinutes(30), null),
                ToolRules.ALLOW_ALL,
                EgressRules.NONE,
                null,
                List.of(),
                false,
                new RunPaths(Path.of("/ipc"), Path.of("/workspace"), Path.of("/skills"), Path.of("/memory"))));
    }

    @Test
    void aCompleteEnvironmentIsReadIntoTheRecord() {
        Map<String, String> env = with(
                "KUBECLAW_PROVIDER", "azure-openai",
                "KUBECLAW_MODEL", "prod-gpt",
                "KUBECLAW_BASE_URL", "https://r.openai.azure.com",
                "KUBECLAW_API_VERSION", "2025-01-01-preview",
                "KUBECLAW_PROVIDER_TIMEOUT", "90s",
                "KUBECLAW_SYSTEM_PROMPT", "Be brief.",
                "KUBECLAW_MAX_ITERATIONS", " 10 ",
                "KUBECLAW_TIMEOUT", "1h30m",
                "KUBECLAW_TOKEN_BUDGET", "50000",
                "KUBECLAW_TOOL_RULES", """
                        {"version":1,"allow":["read_file","kubectl.*"],"deny":["kubectl.delete"],
                         "rules":[{"tool":"kubectl.*","action":"ask"}],"defaultAction":"deny","future":true}""",
                "KUBECLAW_EGRESS_RULES", """
                        {"version":1,"rules":[{"cidr":"10.0.0.0/8"},{"host":"*.svc.cluster.local","port":8080}]}""",
                "KUBECLAW_REPLY_TO", "slack:C0123:thread",
                "KUBECLAW_EXECUTORS", " kubectl , helm,, ",
                "MEMORY_ENABLED", "true",
                "KUBECLAW_IPC_DIR", "/tmp/ipc",
                "KUBECLAW_WORKSPACE_DIR", "/tmp/ws",
                "KUBECLAW_SKILLS_DIR", "/tmp/skills",
                "KUBECLAW_MEMORY_DIR", "/tmp/memory");

        RunnerConfig config = RunnerConfig.fromEnvironment(env);

        assertThat(config).isEqualTo(new RunnerConfig(
                new RunIdentity("team-a", "helper", "run-1"),
                new ProviderSettings(ProviderName.AZURE_OPENAI, "prod-gpt", "https://r.openai.azure.com", "sk-test",
                        "2025-01-01-preview", Duration.ofSeconds(90)),
                "Check the pods.",
                "Be brief.",
                new RunLimits(10, Duration.ofMinutes(90), 50_000L),
                new ToolRules(1, List.of("read_file", "kubectl.*"), List.of("kubectl.delete"),
                        List.of(new ToolRules.Rule("kubectl.*", "ask")), "deny"),
                new EgressRules(1, List.of(new EgressRules.Rule("10.0.0.0/8", null, null),
                        new EgressRules.Rule(null, "*.svc.cluster.local", 8080))),
                // Only the first colon separates: chat ids may hold colons.
                new ReplyTarget("slack", "C0123:thread"),
                List.of("kubectl", "helm"),
                true,
                new RunPaths(Path.of("/tmp/ipc"), Path.of("/tmp/ws"), Path.of("/tmp/skills"), Path.of("/tmp/memory"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankOptionalVariablesCountAsUnset(String blank) {
        RunnerConfig config = RunnerConfig.fromEnvironment(with(
                "KUBECLAW_SYSTEM_PROMPT", blank,
                "KUBECLAW_MAX_ITERATIONS", blank,
                "KUBECLAW_TIMEOUT", blank,
                "KUBECLAW_TOOL_RULES", blank,
                "KUBECLAW_REPLY_TO", blank,
                "KUBECLAW_EXECUTORS", blank));

        assertThat(config.systemPrompt()).isNull();
        assertThat(config.limits()).isEqualTo(new RunLimits(25, Duration.ofMinutes(30), null));
        assertThat(config.toolRules()).isSameAs(ToolRules.ALLOW_ALL);
        assertThat(config.replyTo()).isNull();
        assertThat(config.executors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "yes", "1"})
    void memoryIsEnabledOnlyByTrue(String value) {
        assertThat(RunnerConfig.fromEnvironment(with("MEMORY_ENABLED", value)).memoryEnabled()).isFalse();
        assertThat(RunnerConfig.fromEnvironment(with("MEMORY_ENABLED", "True")).memoryEnabled()).isTrue();
    }

    @Test
    void ollamaNeedsNeitherAKeyNorABaseUrl() {
        RunnerConfig config = RunnerConfig.fromEnvironment(with(
                "KUBECLAW_PROVIDER", "ollama", "KUBECLAW_MODEL", "llama3.2", "KUBECLAW_API_KEY", null));

        assertThat(config.provider()).isEqualTo(
                new ProviderSettings(ProviderName.OLLAMA, "llama3.2", null, null, null, Duration.ofMinutes(2)));
    }

    @Test
    void anOpenAiCompatibleServerNeedsNoKey() {
        RunnerConfig config = RunnerConfig.fromEnvironment(with(
                "KUBECLAW_PROVIDER", "openai-compatible", "KUBECLAW_BASE_URL", "http://vllm:8000/v1", "KUBECLAW_API_KEY", null));

        assertThat(config.provider().name()).isEqualTo(ProviderName.OPENAI_COMPATIBLE);
        assertThat(config.provider().apiKey()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"KUBECLAW_NAMESPACE", "KUBECLAW_INSTANCE", "KUBECLAW_RUN_NAME", "KUBECLAW_PROVIDER", "KUBECLAW_MODEL",
            "KUBECLAW_TASK"})
    void aMissingRequiredVariableIsNamed(String variable) {
        assertThatIllegalArgumentException().isThrownBy(() -> RunnerConfig.fromEnvironment(with(variable, null)))
                .withMessageStartingWith(variable + " is not set");
        assertThatIllegalArgumentException().isThrownBy(() -> RunnerConfig.fromEnvironment(with(variable, " ")))
                .withMessageStartingWith(variable + " is not set");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            KUBECLAW_PROVIDER          | gpt                  | KUBECLAW_PROVIDER="gpt" is not a provider
            KUBECLAW_PROVIDER          | OpenAI               | KUBECLAW_PROVIDER="OpenAI" is not a provider
            KUBECLAW_PROVIDER          | azure_openai         | KUBECLAW_PROVIDER="azure_openai" is not a provider
            KUBECLAW_MAX_ITERATIONS    | 0                    | KUBECLAW_MAX_ITERATIONS="0" is not a positive whole number
            KUBECLAW_MAX_ITERATIONS    | -1                   | KUBECLAW_MAX_ITERATIONS="-1" is not a positive whole number
            KUBECLAW_MAX_ITERATIONS    | abc                  | KUBECLAW_MAX_ITERATIONS="abc" is not a positive whole number
            KUBECLAW_MAX_ITERATIONS    | 2.5                  | KUBECLAW_MAX_ITERATIONS="2.5" is not a positive whole number
            KUBECLAW_MAX_ITERATIONS    | 3000000000           | KUBECLAW_MAX_ITERATIONS=3000000000 is too large
            KUBECLAW_MAX_ITERATIONS    | 99999999999999999999 | KUBECLAW_MAX_ITERATIONS="99999999999999999999" is not a positive whole number
            KUBECLAW_TOKEN_BUDGET      | 0                    | KUBECLAW_TOKEN_BUDGET="0" is not a positive whole number
            KUBECLAW_TIMEOUT           | 5x                   | KUBECLAW_TIMEOUT: "5x" is not a duration
            KUBECLAW_TIMEOUT           | 30                   | KUBECLAW_TIMEOUT: "30" is not a duration
            KUBECLAW_TIMEOUT           | 0s                   | KUBECLAW_TIMEOUT: it must be longer than zero
            KUBECLAW_PROVIDER_TIMEOUT  | 2 minutes            | KUBECLAW_PROVIDER_TIMEOUT: "2 minutes" is not a duration
            KUBECLAW_PROVIDER_TIMEOUT  | 0ms                  | KUBECLAW_PROVIDER_TIMEOUT: it must be longer than zero
            KUBECLAW_TOOL_RULES        | not json             | KUBECLAW_TOOL_RULES is not valid JSON for ToolRules
            KUBECLAW_TOOL_RULES        | {"allow":            | KUBECLAW_TOOL_RULES is not valid JSON for ToolRules
            KUBECLAW_TOOL_RULES        | null                 | KUBECLAW_TOOL_RULES is not valid JSON for ToolRules
            KUBECLAW_TOOL_RULES        | {"allow":"read_file"}| KUBECLAW_TOOL_RULES is not valid JSON for ToolRules
            KUBECLAW_TOOL_RULES        | {} {}                | KUBECLAW_TOOL_RULES is not valid JSON for ToolRules
            KUBECLAW_EGRESS_RULES      | [1,2]                | KUBECLAW_EGRESS_RULES is not valid JSON for EgressRules
            KUBECLAW_REPLY_TO          | slack                | KUBECLAW_REPLY_TO="slack" is not <channel>:<chatId>
            KUBECLAW_REPLY_TO          | :C0123               | KUBECLAW_REPLY_TO=":C0123" is not <channel>:<chatId>
            KUBECLAW_REPLY_TO          | slack:               | KUBECLAW_REPLY_TO="slack:" is not <channel>:<chatId>
            KUBECLAW_BASE_URL          | ftp://x              | KUBECLAW_BASE_URL="ftp://x" is not a usable endpoint
            KUBECLAW_BASE_URL          | http://              | KUBECLAW_BASE_URL="http://" is not a usable endpoint
            KUBECLAW_BASE_URL          | api.openai.com/v1    | KUBECLAW_BASE_URL="api.openai.com/v1" is not a usable endpoint
            KUBECLAW_BASE_URL          | http://a b           | KUBECLAW_BASE_URL="http://a b" is not a usable endpoint
            """)
    void aBadValueIsRefusedWithTheVariablesName(String variable, String value, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> RunnerConfig.fromEnvironment(with(variable, value)))
                .withMessageStartingWith(message);
    }

    @ParameterizedTest
    @CsvSource({
            "azure-openai,      KUBECLAW_BASE_URL, KUBECLAW_BASE_URL is not set: provider azure-openai",
            "openai-compatible, KUBECLAW_BASE_URL, KUBECLAW_BASE_URL is not set: provider openai-compatible",
            "openai,            KUBECLAW_API_KEY,  KUBECLAW_API_KEY is not set: provider openai",
            "anthropic,         KUBECLAW_API_KEY,  KUBECLAW_API_KEY is not set: provider anthropic",
    })
    void aProviderMissingWhatItNeedsIsRefusedWithTheVariablesName(String provider, String missing, String message) {
        Map<String, String> env = with("KUBECLAW_PROVIDER", provider, "KUBECLAW_BASE_URL", "https://llm.example.com", missing, null);

        assertThatIllegalArgumentException().isThrownBy(() -> RunnerConfig.fromEnvironment(env))
                .withMessageStartingWith(message);
    }

    @Test
    void azureOpenAiWithoutAKeyIsRefused() {
        Map<String, String> env = with("KUBECLAW_PROVIDER", "azure-openai", "KUBECLAW_BASE_URL", "https://r.openai.azure.com",
                "KUBECLAW_API_KEY", null);

        assertThatIllegalArgumentException().isThrownBy(() -> RunnerConfig.fromEnvironment(env))
                .withMessageStartingWith("KUBECLAW_API_KEY is not set: provider azure-openai");
    }
}
