package io.kubeclaw.controllers.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeclaw.controllers.ownership.KubernetesErrors;
import io.kubeclaw.controllers.events.EventBuilder.EventType;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Records Kubernetes Events for what a user should notice; a failure to record never fails a reconcile. */
public final class EventRecorder {

    private static final Logger LOG = Logger.getLogger(EventRecorder.class.getName());

    private final KubernetesClient client;
    private final String reportingInstance;
    private final Clock clock;

    public EventRecorder(KubernetesClient client, String reportingInstance, Clock clock) {
        this.client = client;
        this.reportingInstance = reportingInstance;
        this.clock = clock;
    }

    public void normal(HasMetadata regarding, String reason, String message) {
        record(regarding, EventType.NORMAL, reason, message);
    }

    public void warning(HasMetadata regarding, String reason, String message) {
        record(regarding, EventType.WARNING, reason, message);
    }

    private void record(HasMetadata regarding, EventType type, String reason, String message) {
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try {
            client.v1().events().resource(EventBuilder.desired(regarding, type, reason, message, reportingInstance, clock.instant(), suffix)).create();
        } catch (KubernetesClientException e) {
            LOG.log(KubernetesErrors.namespaceTerminating(e) ? Level.FINE : Level.WARNING, "could not record event {0} for {1}/{2}: {3}",
                    new Object[] {reason, regarding.getMetadata().getNamespace(), regarding.getMetadata().getName(), e.getMessage()});
        }
    }
}
