package io.kubeclaw.controllers.bus;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeclaw.api.bus.EventStreams;
import io.kubeclaw.api.bus.EventSubjects;
import io.kubeclaw.api.events.EventJson;
import io.kubeclaw.api.events.ScheduleRequest;
import io.kubeclaw.api.v1alpha1.ClawSchedule;
import io.kubeclaw.api.v1alpha1.ClawScheduleSpec;
import io.kubeclaw.controllers.ownership.OwnedMetadata;
import io.nats.client.Message;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Turns a run's {@code schedule_task} request into a ClawSchedule for the run's instance. The control plane does
 * this, not the runner, which has no API access; the apiserver's validation of the ClawSchedule decides what is a
 * valid request. An existing ClawSchedule of that name is never overwritten.
 */
public final class ScheduleRequests {

    private static final Logger LOG = Logger.getLogger(ScheduleRequests.class.getName());
    static final Duration ACK_WAIT = Duration.ofSeconds(30);
    /** Marks a ClawSchedule an agent asked for, naming the run. */
    public static final String REQUESTED_BY = "kubeclaw.io/requested-by-run";

    private final KubernetesClient client;

    public ScheduleRequests(KubernetesClient client) {
        this.client = client;
    }

    public ControlPlaneBus.Subscription subscription() {
        return new ControlPlaneBus.Subscription(EventStreams.REQUESTS, EventStreams.controllerScheduleRequests(ACK_WAIT), this::receive,
                () -> { });
    }

    void receive(Message message) {
        EventSubjects.InstanceSubject subject = EventSubjects.parseScheduleRequest(message.getSubject());
        ScheduleRequest request = EventJson.read(new String(message.getData(), StandardCharsets.UTF_8), ScheduleRequest.class).orElse(null);
        if (subject == null || request == null || request.name() == null) {
            LOG.warning(() -> "dropped an unreadable schedule request on " + message.getSubject());
            message.term();
            return;
        }
        try {
            ClawSchedule created = client.resources(ClawSchedule.class).inNamespace(subject.namespace()).resource(desired(subject, request)).create();
            LOG.info(() -> "created ClawSchedule " + subject.namespace() + "/" + created.getMetadata().getName() + " as run " + request.run() + " asked");
            message.ack();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                LOG.info(() -> "ClawSchedule " + subject.namespace() + "/" + request.name() + " exists; run " + request.run() + "'s request leaves it as it is");
                message.ack();
            } else if (e.getCode() == 422 || e.getCode() == HttpURLConnection.HTTP_BAD_REQUEST || e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
                LOG.warning(() -> "run " + request.run() + " asked for an invalid ClawSchedule " + request.name() + ": " + e.getMessage());
                message.term();
            } else {
                // The apiserver is unavailable: the request comes back after the ack wait.
                LOG.warning(() -> "cannot create ClawSchedule " + request.name() + " yet: " + e.getMessage());
                message.nakWithDelay(ACK_WAIT);
            }
        }
    }

    static ClawSchedule desired(EventSubjects.InstanceSubject subject, ScheduleRequest request) {
        ClawSchedule schedule = new ClawSchedule();
        schedule.getMetadata().setName(request.name());
        schedule.getMetadata().setNamespace(subject.namespace());
        schedule.getMetadata().setLabels(Map.of(OwnedMetadata.MANAGED_BY, OwnedMetadata.MANAGED_BY_KUBECLAW));
        // An annotation, not a label: run names may be longer than a label value allows.
        schedule.getMetadata().setAnnotations(Map.of(REQUESTED_BY, request.run() == null ? "unknown" : request.run()));
        ClawScheduleSpec spec = new ClawScheduleSpec();
        spec.setInstanceRef(subject.instance());
        spec.setSchedule(request.schedule());
        spec.setTask(request.task());
        schedule.setSpec(spec);
        return schedule;
    }
}
