package io.kubeclaw.controllers.run;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a policy's CPU and memory maxima: to each container's resources (requests and limits never exceed them), and
 * then to the pod as a whole ({@link #fitPod}), since a pod of several containers each at the maximum would hold
 * several times what the policy allows.
 */
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

    /**
     * Scales the containers' limits down, in proportion, until their sum is within each maximum, and lowers any request
     * above its new limit. Containers are changed in place; without a maximum nothing changes.
     */
    void fitPod(List<Container> containers) {
        fit(containers, "cpu", maxCpu, "m", BigDecimal.valueOf(1000));
        fit(containers, "memory", maxMemory, "", BigDecimal.ONE);
    }

    private static void fit(List<Container> containers, String resource, Quantity max, String unit, BigDecimal perBaseUnit) {
        if (max == null) {
            return;
        }
        BigDecimal total = containers.stream().map(c -> limit(c, resource)).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal allowed = Quantity.getAmountInBytes(max);
        if (total.compareTo(allowed) <= 0) {
            return;
        }
        for (Container container : containers) {
            BigDecimal limit = limit(container, resource);
            if (limit.signum() == 0) {
                continue;
            }
            // Whole millicores or bytes, rounded down, so the sum never passes the maximum.
            BigDecimal scaled = limit.multiply(allowed).divide(total, 12, RoundingMode.DOWN).multiply(perBaseUnit).setScale(0, RoundingMode.DOWN);
            Quantity fitted = new Quantity(scaled.toPlainString() + unit);
            // New maps and a new object: the container's may be shared (a builder's constant) or unmodifiable.
            ResourceRequirements resources = container.getResources();
            Map<String, Quantity> limits = new HashMap<>(resources.getLimits());
            limits.put(resource, fitted);
            Map<String, Quantity> requests = new HashMap<>(resources.getRequests() == null ? Map.of() : resources.getRequests());
            requests.computeIfPresent(resource, (key, request) -> min(request, fitted));
            container.setResources(new ResourceRequirementsBuilder(resources).withLimits(limits).withRequests(requests).build());
        }
    }

    private static BigDecimal limit(Container container, String resource) {
        ResourceRequirements resources = container.getResources();
        Quantity limit = resources == null || resources.getLimits() == null ? null : resources.getLimits().get(resource);
        return limit == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(limit);
    }

    private static Quantity min(Quantity value, Quantity ceiling) {
        return ceiling != null && Quantity.getAmountInBytes(value).compareTo(Quantity.getAmountInBytes(ceiling)) > 0 ? ceiling : value;
    }
}
