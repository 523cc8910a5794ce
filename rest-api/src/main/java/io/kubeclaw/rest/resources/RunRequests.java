package io.kubeclaw.rest.resources;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.AgentRunSpec;
import io.kubeclaw.rest.problem.ProblemException;

/** The AgentRun a run request describes; a request without an instance or a task is refused with what is missing. */
final class RunRequests {

    private RunRequests() {
    }

    static AgentRun toAgentRun(String namespace, RunRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("send {\"instance\": ..., \"task\": ...} as JSON");
        }
        if (blank(request.instance()) || blank(request.task())) {
            throw ProblemException.invalid((blank(request.instance()) ? "instance" : "task")
                    + " is required: name the ClawInstance that runs the run, and say what it should do");
        }
        AgentRunSpec spec = new AgentRunSpec();
        spec.setInstanceRef(request.instance());
        spec.setTask(request.task());
        spec.setModel(request.model());
        spec.setSystemPrompt(request.systemPrompt());
        spec.setTimeout(request.timeout());
        spec.setSessionKey(request.sessionKey());
        spec.setToolPolicy(request.toolPolicy());
        AgentRun run = new AgentRun();
        ObjectMetaBuilder metadata = new ObjectMetaBuilder().withNamespace(namespace).withLabels(request.labels());
        if (blank(request.name())) {
            // The generated name stays within the 63 characters a run's name may have (5 random ones are added).
            String prefix = request.instance().length() > 57 ? request.instance().substring(0, 57).replaceAll("[-.]+$", "") : request.instance();
            metadata.withGenerateName(prefix + "-");
        } else {
            metadata.withName(request.name());
        }
        run.setMetadata(metadata.build());
        run.setSpec(spec);
        return run;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
