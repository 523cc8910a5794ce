package io.kubeclaw.api.v1alpha1.instance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;

/** The persistent memory an instance keeps between runs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MemorySpec {

    /** 1 MiB: memory must fit in one Kubernetes object and, read at every start, in a prompt. */
    /** A ConfigMap holds at most 1 MiB, keys and metadata included: the memory leaves room for them. */
    public static final int MAX_SIZE_KB_LIMIT = 1000;

    // Boxed so that "unset" (take the default) and an explicit false stay distinguishable.
    @Default("true")
    @JsonPropertyDescription("Keep a memory file that runs read at start and may append to. Defaults to true.")
    private Boolean enabled;

    @JsonProperty("maxSizeKB")
    @Default("256")
    @Min(1)
    @Max(MAX_SIZE_KB_LIMIT)
    @JsonPropertyDescription("Largest size of the memory in KiB, 1 to 1000 (a ConfigMap holds at most 1 MiB). Older entries are compacted beyond it. Defaults to 256.")
    private Integer maxSizeKB;

    @Size(max = 65536)
    @JsonPropertyDescription("System prompt given to every run of the instance, before the memory and the task.")
    private String systemPrompt;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty("maxSizeKB")
    public Integer getMaxSizeKB() {
        return maxSizeKB;
    }

    @JsonProperty("maxSizeKB")
    public void setMaxSizeKB(Integer maxSizeKB) {
        this.maxSizeKB = maxSizeKB;
    }

    public String getSystemPrompt() {
        return systemPrompt;
    }

    public void setSystemPrompt(String systemPrompt) {
        this.systemPrompt = systemPrompt;
    }
}
