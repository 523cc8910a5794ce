package io.kubeclaw.controllers.run;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.HashMap;
import java.util.Map;

/** Applies a policy's CPU and memory maxima to a container's resources: requests and limits never exceed them. */
record ResourceCeiling(Quantity maxCpu, Quantity maxMemory) {

    static final ResourceCeiling NONE = new ResourceCeiling(null, null);

    /** The lower of each maximum: with several policies, the strictest holds. */
    ResourceCeiling narrowedBy(ResourceCeiling other) {
        return new ResourceCeiling(lower(maxCpu, other.maxCpu), lower(maxMemory, other.maxMemory));
    }

    private static Quantity lower(Quantity a, Quantity b) {
        return a == null ? b : b == null ? a : min(a, b);
    }

    ResourceRequirements apply(ResourceRequirements requested) {
        ResourceRequirements base = requested == null ? new ResourceRequirements() : requested;
        return new ResourceRequirementsBuilder()
                .withRequests(clamp(base.getRequests()))
                .withLimits(withCeilingAsDefault(clamp(base.getLimits())))
                .build();
    }

    private Map<String, Quantity> clamp(Map<String, Quantity> values) {
        Map<String, Quantity> result = new HashMap<>(values == null ? Map.of() : values);
        result.computeIfPresent("cpu", (key, value) -> min(value, maxCpu));
        result.computeIfPresent("memory", (key, value) -> min(value, maxMemory));
        return result;
    }

    /** A container without a limit gets the ceiling as its limit, so the policy bounds it either way. */
    private Map<String, Quantity> withCeilingAsDefault(Map<String, Quantity> limits) {
        if (maxCpu != null) {
            limits.putIfAbsent("cpu", maxCpu);
        }
        if (maxMemory != null) {
            limits.putIfAbsent("memory", maxMemory);
        }
        return limits;
    }

    private static Quantity min(Quantity value, Quantity ceiling) {
        return ceiling != null && Quantity.getAmountInBytes(value).compareTo(Quantity.getAmountInBytes(ceiling)) > 0 ? ceiling : value;
    }
}
