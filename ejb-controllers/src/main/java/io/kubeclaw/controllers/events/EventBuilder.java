package io.kubeclaw.controllers.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.Locale;

/** Builds the Kubernetes Event that tells a user something happened to one of their resources. */
public final class EventBuilder {

    /** The component name Events are reported under, as {@code kubectl describe} shows it. */
    public static final String COMPONENT = "kubeclaw-controller";

    private EventBuilder() {
    }

    /** The desired Event about {@code regarding}; {@code suffix} makes its name unique (names must be). */
    public static Event desired(HasMetadata regarding, EventType type, String reason, String message,
                                String reportingInstance, Instant now, String suffix) {
        String time = now.toString();
        return new io.fabric8.kubernetes.api.model.EventBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(regarding.getMetadata().getName() + "." + suffix)
                        .withNamespace(regarding.getMetadata().getNamespace())
                        .build())
                .withInvolvedObject(new ObjectReferenceBuilder()
                        .withApiVersion(regarding.getApiVersion())
                        .withKind(regarding.getKind())
                        .withName(regarding.getMetadata().getName())
                        .withNamespace(regarding.getMetadata().getNamespace())
                        .withUid(regarding.getMetadata().getUid())
                        .withResourceVersion(regarding.getMetadata().getResourceVersion())
                        .build())
                .withType(type.value())
                .withReason(reason)
                .withMessage(message)
                .withNewSource(COMPONENT, null)
                .withReportingComponent(COMPONENT)
                .withReportingInstance(reportingInstance)
                .withFirstTimestamp(time)
                .withLastTimestamp(time)
                .withCount(1)
                .build();
    }

    /** Kubernetes' two Event types. */
    public enum EventType {
        NORMAL, WARNING;

        String value() {
            String lower = name().toLowerCase(Locale.ROOT);
            return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        }
    }
}
