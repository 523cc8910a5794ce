package io.kubeclaw.rest.stream;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.ClawSchedule;
import io.kubeclaw.api.v1alpha1.SkillPack;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The KubeClaw resources a client can follow, by the names of their REST paths. */
public enum ResourceKind {
    INSTANCES("instances", ClawInstance.class),
    RUNS("runs", AgentRun.class),
    POLICIES("policies", ClawPolicy.class),
    SKILLS("skills", SkillPack.class),
    SCHEDULES("schedules", ClawSchedule.class);

    private final String wireName;
    private final Class<? extends HasMetadata> type;

    ResourceKind(String wireName, Class<? extends HasMetadata> type) {
        this.wireName = wireName;
        this.type = type;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends HasMetadata> type() {
        return type;
    }

    /** The resource's name in RBAC, such as {@code clawinstances}. */
    public String plural() {
        return HasMetadata.getPlural(type);
    }

    static Optional<ResourceKind> named(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(ResourceKind::wireName).collect(Collectors.joining(", "));
    }
}
