package io.kubeclaw.controllers.run;

import io.kubeclaw.api.objects.ObjectLabels;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.controllers.ownership.OwnedMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

/** The labels on everything a run owns: how the controller finds and cleans up a run's objects by selector. */
public final class RunLabels {

    public static final String COMPONENT = ObjectLabels.COMPONENT;
    public static final String RUN = ObjectLabels.RUN;
    public static final String INSTANCE = ObjectLabels.INSTANCE;

    private RunLabels() {
    }

    public static Map<String, String> of(AgentRun run) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(OwnedMetadata.MANAGED_BY, OwnedMetadata.MANAGED_BY_KUBECLAW);
        labels.put(COMPONENT, "agent-run");
        labels.put(RUN, run.getMetadata().getName());
        labels.put(INSTANCE, run.getSpec().getInstanceRef());
        return labels;
    }
}
