package io.kubeclaw.rest.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The API's cluster-wide informers, one per resource type, shared by everything that follows that type (the run
 * history, WebSocket streams), so the server keeps one cache of each. An informer starts on first use. Its
 * handlers run on threads of the application's ManagedThreadFactory, so they can use JPA, JTA and CDI.
 */
@ApplicationScoped
public class ClusterInformers {

    /** How often handler resyncs are due-checked; each handler sets its own period, or none, when it is added. */
    private static final Duration RESYNC_CHECK = Duration.ofMinutes(1);
    private static final int CALLBACK_THREADS = 4;

    /** A started informer and when its first list completed (exceptionally if the apiserver refused it). */
    public record Informer<T>(SharedIndexInformer<T> informer, CompletableFuture<Void> synced) {
    }

    @Resource
    ManagedThreadFactory threads;

    private final Map<Class<?>, Informer<?>> informers = new HashMap<>();
    private ExecutorService callbacks;
    private KubernetesClient client;
    private boolean stopped;

    /**
     * Adds {@code handler} to the informer of {@code type}, starting it if needed. A handler added to a running
     * informer first gets an add for every object in its cache. {@code resync} zero means no periodic resync.
     */
    public synchronized <T extends HasMetadata> Informer<T> inform(Class<T> type, ResourceEventHandler<? super T> handler, Duration resync) {
        if (stopped) {
            throw new IllegalStateException("the application is stopping");
        }
        @SuppressWarnings("unchecked")
        Informer<T> running = (Informer<T>) informers.get(type);
        if (running == null || running.synced().isCompletedExceptionally()) {
            running = start(type);
            informers.put(type, running);
        }
        running.informer().addEventHandlerWithResyncPeriod(handler, resync.toMillis());
        return running;
    }

    private <T extends HasMetadata> Informer<T> start(Class<T> type) {
        if (client == null) {
            callbacks = Executors.newFixedThreadPool(CALLBACK_THREADS, threads);
            client = new KubernetesClientBuilder().withTaskExecutor(callbacks).build();
        }
        SharedIndexInformer<T> informer = client.resources(type).inAnyNamespace().runnableInformer(RESYNC_CHECK.toMillis());
        CompletableFuture<Void> synced = informer.start().toCompletableFuture();
        // A failed start is replaced by a new informer on the next inform(); this one must not keep retrying meanwhile.
        synced.whenComplete((ok, error) -> {
            if (error != null) {
                informer.stop();
            }
        });
        return new Informer<>(informer, synced);
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        informers.values().forEach(running -> running.informer().stop());
        informers.clear();
        if (client != null) {
            client.close();
        }
        if (callbacks != null) {
            callbacks.shutdownNow();
        }
    }
}
