package io.kubeclaw.controllers.bootstrap;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.kubeclaw.controllers.bus.ControlPlaneBus;
import io.kubeclaw.controllers.bus.RunResultInbox;
import io.kubeclaw.controllers.bus.ScheduleRequests;
import io.kubeclaw.controllers.channel.ChannelSettings;
import io.kubeclaw.controllers.events.EventRecorder;
import io.kubeclaw.controllers.instance.ClawInstanceReconciler;
import io.kubeclaw.controllers.metrics.ReconcileMetrics;
import io.kubeclaw.controllers.policy.ClawPolicyReconciler;
import io.kubeclaw.controllers.run.AgentRunReconciler;
import io.kubeclaw.controllers.run.RunSettings;
import io.kubeclaw.controllers.schedule.ClawScheduleReconciler;
import io.kubeclaw.controllers.skillpack.SkillPackReconciler;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The composition root of the controllers: builds the Kubernetes client and the Java Operator SDK
 * operator on Liberty-managed threads, registers the reconcilers and runs leader election. Start-up
 * happens off the server's start thread and is retried, so an unreachable apiserver shows as
 * "not started" in health instead of failing the server.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OperatorBootstrap {

    private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class.getName());
    private static final int CLIENT_THREADS = 4;
    /** How often the leader retries reaching the event bus while it cannot. */
    private static final Duration BUS_RETRY = Duration.ofSeconds(5);

    @Resource(lookup = "concurrent/kubeclaw/reconcileThreads")
    private ManagedThreadFactory reconcileThreads;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private ControlPlaneState state;

    @Inject
    private MetricRegistry metrics;

    @Inject
    private Tracer tracer;

    private OperatorSettings settings;
    private ExecutorService reconcilePool;
    private ExecutorService clientPool;
    private KubernetesClient client;
    private volatile Operator operator;
    private volatile ScheduledFuture<?> pendingStart;
    private volatile ScheduledFuture<?> busRetry;
    private volatile ControlPlaneBus bus;
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        settings = OperatorSettings.from(ConfigProvider.getConfig());
        // JOSDK shuts its executor down on stop, which Liberty's managed executors refuse: a plain
        // pool over the managed thread factory gives reconcile threads the application's context.
        reconcilePool = Executors.newFixedThreadPool(settings.reconcileThreads(), reconcileThreads);
        // The client's informer callbacks get threads of their own: sharing the reconcile pool made
        // event delivery wait behind reconciles that block on API calls.
        clientPool = Executors.newFixedThreadPool(CLIENT_THREADS, reconcileThreads);
        pendingStart = scheduler.schedule(this::startOperator, 0, TimeUnit.SECONDS);
    }

    private void startOperator() {
        if (stopping) {
            return;
        }
        try {
            client = new KubernetesClientBuilder().withTaskExecutor(clientPool).build();
            Operator created = new Operator(this::configure);
            Clock clock = Clock.systemUTC();
            EventRecorder events = new EventRecorder(client, settings.identity(), clock);
            RunSettings runSettings = RunSettings.from(ConfigProvider.getConfig());
            created.register(new ClawInstanceReconciler(client, events, clock,
                    ChannelSettings.from(ConfigProvider.getConfig(), runSettings.eventBusUrl())));
            created.register(new SkillPackReconciler(clock));
            created.register(new ClawPolicyReconciler(clock));
            RunResultInbox results = new RunResultInbox(clock);
            bus = new ControlPlaneBus(runSettings.eventBusUrl(), List.of(results.subscription(), new ScheduleRequests(client).subscription()));
            created.register(new AgentRunReconciler(client, events, clock, runSettings, results));
            created.register(new ClawScheduleReconciler(client, events, clock, Duration.ofMinutes(1)));
            created.start();
            operator = created;
            state.started(created, settings.identity());
            LOG.info(() -> "KubeClaw operator started as " + settings.identity() + " against " + client.getMasterUrl());
        } catch (RuntimeException e) {
            String message = "cannot start the operator against " + (client == null ? "the cluster" : client.getMasterUrl())
                    + ": " + e.getMessage() + "; retrying in " + settings.startRetryDelay().toSeconds() + "s";
            LOG.log(Level.WARNING, message);
            state.startFailed(message);
            closeClient();
            if (!stopping) {
                pendingStart = scheduler.schedule(this::startOperator, settings.startRetryDelay().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void configure(ConfigurationServiceOverrider overrider) {
        overrider.withKubernetesClient(client)
                .withExecutorService(reconcilePool)
                .withWorkflowExecutorService(reconcilePool)
                .withConcurrentReconciliationThreads(settings.reconcileThreads())
                .withCloseClientOnStop(false)
                .withMetrics(new ReconcileMetrics(metrics, tracer))
                .withStopOnInformerErrorDuringStartup(true);
        if (settings.leaderElection()) {
            overrider.withLeaderElectionConfiguration(LeaderElectionConfigurationBuilder
                    .aLeaderElectionConfiguration(settings.leaseName())
                    .withLeaseNamespace(settings.leaseNamespace())
                    .withIdentity(settings.identity())
                    .withLeaseDuration(settings.leaseDuration())
                    .withRenewDeadline(settings.renewDeadline())
                    .withRetryPeriod(settings.retryPeriod())
                    // Exiting the JVM would take the API down with it; instead stop reconciling and
                    // report not-live, so Kubernetes restarts this replica as a fresh standby.
                    .withExitOnStopLeading(false)
                    .withLeaderCallbacks(new LeaderCallbacks(this::onStartLeading, this::onStopLeading, this::onNewLeader))
                    .build());
        } else {
            state.leading(true);
            receiveResults();
        }
    }

    /** Only the leader consumes from the bus, so a durable consumer's messages are not split between replicas. */
    private void receiveResults() {
        ControlPlaneBus consuming = bus;
        if (consuming != null && busRetry == null) {
            busRetry = scheduler.scheduleWithFixedDelay(() -> {
                if (!consuming.receiving()) {
                    consuming.start();
                }
            }, 0, BUS_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void stopReceivingResults() {
        ScheduledFuture<?> retry = busRetry;
        busRetry = null;
        if (retry != null) {
            retry.cancel(false);
        }
        ControlPlaneBus consuming = bus;
        if (consuming != null) {
            consuming.close();
        }
    }

    private void onStartLeading() {
        state.leading(true);
        receiveResults();
        LOG.info(() -> settings.identity() + " is now the leader of lease " + settings.leaseNamespace() + "/" + settings.leaseName());
    }

    private void onStopLeading() {
        state.leading(false);
        stopReceivingResults();
        if (stopping) {
            return;
        }
        state.fatal("lost leadership of lease " + settings.leaseNamespace() + "/" + settings.leaseName());
        LOG.warning(() -> settings.identity() + " lost the lease; stopping reconciles until restarted");
        // Not on the elector's own thread: stopping the operator stops that elector.
        scheduler.execute(this::stopOperator);
    }

    private void onNewLeader(String leader) {
        LOG.info(() -> "the leader of lease " + settings.leaseName() + " is " + leader);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        ScheduledFuture<?> start = pendingStart;
        if (start != null) {
            start.cancel(false);
        }
        stopOperator();
        stopReceivingResults();
        closeClient();
        reconcilePool.shutdownNow();
        clientPool.shutdownNow();
    }

    private synchronized void stopOperator() {
        Operator running = operator;
        operator = null;
        if (running != null) {
            try {
                running.stop();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "stopping the operator failed", e);
            }
        }
    }

    private void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
