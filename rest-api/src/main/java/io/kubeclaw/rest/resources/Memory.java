package io.kubeclaw.rest.resources;

import io.kubeclaw.api.objects.MemoryConfigMap;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import java.nio.charset.StandardCharsets;

/** An instance's memory as the API shows it: the text, its size against the limit, and the version to edit against. */
public record Memory(String content, int sizeBytes, int maxSizeBytes, String resourceVersion) {

    static Memory of(String content, String resourceVersion, ClawInstance instance) {
        return new Memory(content, content.getBytes(StandardCharsets.UTF_8).length, MemoryConfigMap.maxSizeKB(instance) * 1024, resourceVersion);
    }
}
