package io.kubeclaw.rest.admission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts the webhook's decisions (kubeclaw_admission_decisions_total by hook, resource and outcome) and logs denials.
 * The resource label takes only the kinds the webhook checks, so a caller cannot mint new series with made-up names.
 */
@ApplicationScoped
public class AdmissionDecisions {

    private static final Logger LOG = Logger.getLogger(AdmissionDecisions.class.getName());

    @Inject
    MetricRegistry metrics;

    static final Set<String> CHECKED = Set.of("agentruns", "clawinstances", "skillpacks", "clawschedules");

    void record(String hook, String resource, Verdict verdict) {
        String outcome = !verdict.allowed() ? "denied" : verdict.patch().isEmpty() ? "allowed" : "defaulted";
        metrics.counter("kubeclaw_admission_decisions", new Tag("hook", hook), new Tag("resource", CHECKED.contains(resource) ? resource : "other"),
                new Tag("outcome", outcome)).inc();
        if (!verdict.allowed()) {
            LOG.info(() -> "admission " + hook + " denied a write of " + resource + ": " + verdict.message());
        }
    }
}
