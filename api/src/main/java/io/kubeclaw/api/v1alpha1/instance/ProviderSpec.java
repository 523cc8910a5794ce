package io.kubeclaw.api.v1alpha1.instance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubeclaw.api.v1alpha1.common.SchemaPatterns;
import io.kubeclaw.api.v1alpha1.common.SecretKeyRef;

/** The LLM provider and model an instance's agents call, and where its credentials are. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!(self.name in ['openai-compatible', 'azure-openai']) || has(self.baseURL)",
        message = "baseURL is required for the openai-compatible and azure-openai providers: set spec.provider.baseURL to the API endpoint")
public class ProviderSpec {

    @Required
    @JsonPropertyDescription("Which API to call: openai, anthropic, azure-openai, ollama or openai-compatible.")
    private ProviderName name;

    @Size(max = 256)
    @JsonPropertyDescription("Model identifier as the provider names it, e.g. gpt-4o or claude-sonnet-4-5. For azure-openai, the deployment name.")
    private String model;

    @JsonProperty("baseURL")
    @Pattern(SchemaPatterns.HTTP_URL)
    @Size(max = SchemaPatterns.URL_MAX_LENGTH)
    @JsonPropertyDescription("API endpoint. Required for openai-compatible and azure-openai; overrides the default for the others.")
    private String baseURL;

    @JsonPropertyDescription("Secret key holding the API key. Not needed for a local ollama.")
    private SecretKeyRef authSecretRef;

    public ProviderName getName() {
        return name;
    }

    public void setName(ProviderName name) {
        this.name = name;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    @JsonProperty("baseURL")
    public String getBaseURL() {
        return baseURL;
    }

    @JsonProperty("baseURL")
    public void setBaseURL(String baseURL) {
        this.baseURL = baseURL;
    }

    public SecretKeyRef getAuthSecretRef() {
        return authSecretRef;
    }

    public void setAuthSecretRef(SecretKeyRef authSecretRef) {
        this.authSecretRef = authSecretRef;
    }
}
