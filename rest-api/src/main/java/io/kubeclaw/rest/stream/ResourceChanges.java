package io.kubeclaw.rest.stream;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kubeclaw.rest.kube.ClusterInformers;
import io.kubeclaw.rest.problem.RootCause;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Changes to KubeClaw resources, fanned out to subscribers by namespace from the one shared informer of each kind.
 * A subscriber first gets the objects the informer holds in its namespace, in one list, then each change. Nothing
 * older is replayed: the current state is the starting point.
 */
final class ResourceChanges {

    private static final Duration SYNC_WAIT = Duration.ofSeconds(10);

    private final ClusterInformers informers;
    private final Map<ResourceKind, FanOut> fanOuts = new EnumMap<>(ResourceKind.class);

    ResourceChanges(ClusterInformers informers) {
        this.informers = informers;
    }

    /** Waits (briefly) for the informer of {@code kind} to hold what the apiserver has; unavailable if it does not. */
    void awaitSynced(ResourceKind kind) throws FeedUnavailable {
        FanOut fanOut = fanOut(kind);
        try {
            fanOut.synced().get(SYNC_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new FeedUnavailable("the Kubernetes API server has not listed " + kind.plural() + " within " + SYNC_WAIT.toSeconds()
                    + " s; subscribe again in a moment");
        } catch (ExecutionException e) {
            throw new FeedUnavailable("the Kubernetes API server did not list " + kind.plural() + " (" + RootCause.message(e)
                    + "); subscribe again in a moment");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedUnavailable("the server is stopping");
        }
    }

    /** Follows {@code kind} in {@code namespace}: {@code current} gets what there is now, {@code changes} what happens next. */
    Subscription follow(ResourceKind kind, String namespace, Consumer<List<HasMetadata>> current, Consumer<Change> changes)
            throws FeedUnavailable {
        awaitSynced(kind);
        FanOut fanOut = fanOut(kind);
        fanOut.add(namespace, current, changes);
        return () -> fanOut.remove(namespace, changes);
    }

    private synchronized FanOut fanOut(ResourceKind kind) {
        FanOut fanOut = fanOuts.computeIfAbsent(kind, k -> new FanOut());
        if (fanOut.informer == null || fanOut.informer.synced().isCompletedExceptionally()) {
            // First use, or the informer failed and ClusterInformers starts a new one.
            fanOut.informer = informers.inform(kind.type(), fanOut, Duration.ZERO);
        }
        return fanOut;
    }

    /** Listeners by namespace on one informer; changes and a new listener's list go out under one lock, so in order. */
    private static final class FanOut implements ResourceEventHandler<HasMetadata> {

        private final Map<String, Set<Consumer<Change>>> listeners = new HashMap<>();
        private volatile ClusterInformers.Informer<? extends HasMetadata> informer;

        CompletableFuture<Void> synced() {
            return informer.synced();
        }

        synchronized void add(String namespace, Consumer<List<HasMetadata>> current, Consumer<Change> listener) {
            listeners.computeIfAbsent(namespace, ns -> new HashSet<>()).add(listener);
            current.accept(List.copyOf(informer.informer().getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace)));
        }

        synchronized void remove(String namespace, Consumer<Change> listener) {
            Set<Consumer<Change>> inNamespace = listeners.get(namespace);
            if (inNamespace != null && inNamespace.remove(listener) && inNamespace.isEmpty()) {
                listeners.remove(namespace);
            }
        }

        @Override
        public void onAdd(HasMetadata object) {
            publish(Change.added(object));
        }

        @Override
        public void onUpdate(HasMetadata before, HasMetadata after) {
            publish(Change.modified(before, after));
        }

        @Override
        public void onDelete(HasMetadata object, boolean finalStateUnknown) {
            publish(Change.deleted(object));
        }

        private synchronized void publish(Change change) {
            Set<Consumer<Change>> inNamespace = listeners.get(change.object().getMetadata().getNamespace());
            if (inNamespace != null) {
                // A copy: a listener may unsubscribe itself (a client dropped for being slow) while being told.
                List.copyOf(inNamespace).forEach(listener -> listener.accept(change));
            }
        }
    }
}
