package io.kubeclaw.api.v1alpha1.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** LLM tokens a run consumed, as the provider reported them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TokenUsage {

    @JsonPropertyDescription("Prompt (input) tokens, summed over all model calls of the run.")
    private Long input;

    @JsonPropertyDescription("Completion (output) tokens, summed over all model calls of the run.")
    private Long output;

    public TokenUsage() {
    }

    public TokenUsage(Long input, Long output) {
        this.input = input;
        this.output = output;
    }

    public Long getInput() {
        return input;
    }

    public void setInput(Long input) {
        this.input = input;
    }

    public Long getOutput() {
        return output;
    }

    public void setOutput(Long output) {
        this.output = output;
    }
}
