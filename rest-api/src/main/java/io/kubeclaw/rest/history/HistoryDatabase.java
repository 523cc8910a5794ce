package io.kubeclaw.rest.history;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.common.WireNames;
import io.kubeclaw.api.v1alpha1.run.AgentRunPhase;
import io.kubeclaw.rest.kube.ClusterInformers;
import io.kubeclaw.rest.problem.ProblemException;
import io.kubeclaw.rest.problem.RootCause;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.flywaydb.core.Flyway;

/**
 * Brings the history database up at start-up: applies the schema migrations (Flyway, db/migration), then
 * records every AgentRun the apiserver has and every change after, from an informer. While the database cannot
 * be reached it tries again every 10 s, and the history endpoints answer 503 saying why; the rest of the API
 * and the controllers are unaffected. The same informer gives the runs-by-phase gauge (kubeclaw_runs{phase}).
 */
@ApplicationScoped
public class HistoryDatabase {

    private static final Logger LOG = Logger.getLogger(HistoryDatabase.class.getName());
    private static final Duration RETRY = Duration.ofSeconds(10);
    private static final Duration COUNTS_REUSED_FOR = Duration.ofSeconds(1);

    @Resource(lookup = "jdbc/kubeclaw")
    DataSource dataSource;
    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    ClusterInformers informers;
    @Inject
    RunHistory history;
    @Inject
    MetricRegistry metrics;
    @Inject
    @ConfigProperty(name = "kubeclaw.history.resync", defaultValue = "PT30M")
    Duration resync;

    private volatile String unavailable = "the history database is still being set up";
    private volatile SharedIndexInformer<AgentRun> informer;
    /** Namespaces by name, for their UIDs: a namespace made again under an old name does not inherit its history. */
    private volatile SharedIndexInformer<Namespace> namespaces;
    private volatile CountedPhases counted;

    void start(@Observes Startup startup) {
        for (AgentRunPhase phase : AgentRunPhase.values()) {
            metrics.gauge("kubeclaw_runs", () -> runsIn(phase), new Tag("phase", WireNames.of(phase)));
        }
        scheduler.execute(this::migrateAndRecord);
    }

    /** AgentRuns the informer holds in the phase; 0 before it started. */
    private long runsIn(AgentRunPhase phase) {
        return phaseCounts().getOrDefault(phase, 0L);
    }

    /** One walk of the informer's store serves every phase's gauge of a scrape (they are read one after another). */
    private Map<AgentRunPhase, Long> phaseCounts() {
        SharedIndexInformer<AgentRun> current = informer;
        if (current == null) {
            return Map.of();
        }
        CountedPhases last = counted;
        long now = System.nanoTime();
        if (last != null && now - last.atNanos() < COUNTS_REUSED_FOR.toNanos()) {
            return last.counts();
        }
        Map<AgentRunPhase, Long> counts = countByPhase(current.getStore().list());
        counted = new CountedPhases(counts, now);
        return counts;
    }

    /** A run without a status yet counts as Pending. */
    static Map<AgentRunPhase, Long> countByPhase(Collection<AgentRun> runs) {
        Map<AgentRunPhase, Long> counts = new EnumMap<>(AgentRunPhase.class);
        for (AgentRun run : runs) {
            AgentRunPhase phase = run.getStatus() == null || run.getStatus().getPhase() == null ? AgentRunPhase.PENDING : run.getStatus().getPhase();
            counts.merge(phase, 1L, Long::sum);
        }
        return counts;
    }

    private record CountedPhases(Map<AgentRunPhase, Long> counts, long atNanos) {
    }

    private void migrateAndRecord() {
        try {
            // Liberty's class loader lists a resource directory only with a marker file in it (flyway.location, also in
            // db/callback, where Flyway looks for callbacks by default).
            var outcome = Flyway.configure(getClass().getClassLoader()).dataSource(dataSource).locations("classpath:db/migration")
                    .failOnMissingLocations(true).load().migrate();
            LOG.info(() -> "history database at schema version " + outcome.targetSchemaVersion + " (" + outcome.migrationsExecuted + " migrations applied)");
        } catch (RuntimeException e) {
            unavailable = "the history database cannot be reached or migrated (" + RootCause.message(e) + "); check KUBECLAW_DATABASE_URL and the "
                    + "database credentials; retrying every " + RETRY.toSeconds() + " s";
            LOG.log(Level.WARNING, unavailable, e);
            scheduler.schedule(this::migrateAndRecord, RETRY.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        startRecording();
        unavailable = null;
    }

    /** The UID of the namespace of that name as it is now; empty when there is none (or it is not known yet). */
    public Optional<String> namespaceUid(String namespace) {
        SharedIndexInformer<Namespace> known = namespaces;
        Namespace found = known == null ? null : known.getStore().getByKey(namespace);
        return Optional.ofNullable(found).map(ns -> ns.getMetadata().getUid());
    }

    private void startRecording() {
        ClusterInformers.Informer<Namespace> watched = informers.inform(Namespace.class, new ResourceEventHandler<>() {
            @Override
            public void onAdd(Namespace namespace) {
            }

            @Override
            public void onUpdate(Namespace before, Namespace after) {
            }

            @Override
            public void onDelete(Namespace namespace, boolean finalStateUnknown) {
            }
        }, Duration.ZERO);
        watched.synced().join();
        namespaces = watched.informer();
        // The informer's callbacks run on managed threads, so they can use JPA and JTA; it is the API's one AgentRun cache.
        ClusterInformers.Informer<AgentRun> recording = informers.inform(AgentRun.class, new ResourceEventHandler<>() {
            @Override
            public void onAdd(AgentRun run) {
                record(run, false);
            }

            @Override
            public void onUpdate(AgentRun before, AgentRun after) {
                record(after, false);
            }

            @Override
            public void onDelete(AgentRun run, boolean finalStateUnknown) {
                record(run, true);
            }
        }, resync);
        recording.synced().join();
        informer = recording.informer();
    }

    private void record(AgentRun run, boolean deleted) {
        try {
            try {
                history.record(run, namespaceUid(run.getMetadata().getNamespace()).orElse(""));
            } finally {
                if (deleted) {
                    history.recordDeleted(run);
                }
            }
        } catch (RuntimeException e) {
            // The periodic resync records it again; a deletion missed here leaves deletedAt empty.
            LOG.log(Level.WARNING, "could not record run " + run.getMetadata().getNamespace() + "/" + run.getMetadata().getName()
                    + " in the history: " + RootCause.message(e), e);
        }
    }

    /** Ends the request with 503 while the history is not available. */
    public void requireAvailable() {
        String reason = unavailable;
        if (reason != null) {
            throw new ProblemException(503, "HistoryUnavailable", reason);
        }
    }
}
