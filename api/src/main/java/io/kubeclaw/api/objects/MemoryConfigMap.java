package io.kubeclaw.api.objects;

import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.instance.MemorySpec;

/** Where an instance's memory lives: {@code MEMORY.md} in the ConfigMap {@code <instance>-memory}, within a size limit. */
public final class MemoryConfigMap {

    public static final String KEY = "MEMORY.md";
    public static final int DEFAULT_MAX_SIZE_KB = 256;

    private MemoryConfigMap() {
    }

    public static String name(String instance) {
        return instance + "-memory";
    }

    /** Whether the instance keeps a memory (the default). */
    public static boolean enabled(ClawInstance instance) {
        MemorySpec memory = instance.getSpec().getMemory();
        return memory == null || !Boolean.FALSE.equals(memory.getEnabled());
    }

    public static int maxSizeKB(ClawInstance instance) {
        MemorySpec memory = instance.getSpec().getMemory();
        return memory == null || memory.getMaxSizeKB() == null ? DEFAULT_MAX_SIZE_KB : memory.getMaxSizeKB();
    }
}
