package io.kubeclaw.runner.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.v1alpha1.instance.ProviderName;
import io.kubeclaw.runner.config.ProviderSettings;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatModelsTest {

    private static ProviderSettings provider(ProviderName name, String baseUrl) {
        return new ProviderSettings(name, "model", baseUrl, "key", null, Duration.ofMinutes(2));
    }

    @ParameterizedTest
    @CsvSource(value = {
            "OPENAI,            NULL,                               https://api.openai.com/v1",
            "OPENAI,            https://proxy.example.com/v1,       https://proxy.example.com/v1",
            "OLLAMA,            NULL,                               http://localhost:11434/v1",
            // Users give Ollama's root URL; its OpenAI API is under /v1.
            "OLLAMA,            http://ollama:11434,                http://ollama:11434/v1",
            "OLLAMA,            http://ollama:11434/,               http://ollama:11434/v1",
            "OLLAMA,            http://ollama:11434//,              http://ollama:11434/v1",
            "OLLAMA,            http://ollama:11434/v1,             http://ollama:11434/v1",
            "OLLAMA,            https://gw.example.com/ollama/v1,   https://gw.example.com/ollama/v1",
            "OLLAMA,            https://gw.example.com/ollama,      https://gw.example.com/ollama",
            "OPENAI_COMPATIBLE, http://vllm:8000/v1,                http://vllm:8000/v1",
            "OPENAI_COMPATIBLE, http://vllm:8000,                   http://vllm:8000",
    }, nullValues = "NULL")
    void theOpenAiBaseUrlOfEachProvider(ProviderName name, String baseUrl, String expected) {
        assertThat(ChatModels.openAiUrl(provider(name, baseUrl))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "https://r.openai.azure.com,                                 gpt-4o, https://r.openai.azure.com/openai/deployments/gpt-4o",
            "https://r.openai.azure.com/,                                gpt-4o, https://r.openai.azure.com/openai/deployments/gpt-4o",
            "https://r.openai.azure.com///,                              gpt-4o, https://r.openai.azure.com/openai/deployments/gpt-4o",
            "https://r.openai.azure.com/openai/deployments/prod,         gpt-4o, https://r.openai.azure.com/openai/deployments/prod",
            "https://r.openai.azure.com/openai/deployments/prod/,        gpt-4o, https://r.openai.azure.com/openai/deployments/prod",
            "https://gw.example.com/azure,                               mini,   https://gw.example.com/azure/openai/deployments/mini",
    })
    void anAzureEndpointBecomesItsDeploymentsUrl(String endpoint, String deployment, String expected) {
        assertThat(ChatModels.azureDeploymentUrl(endpoint, deployment)).isEqualTo(expected);
    }
}
