package io.kubeclaw.testsupport.bench;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * When each Job of one namespace was first seen by a watch, as {@link System#nanoTime()}: the clock
 * the benchmark stops when "the Job exists". Jobs are told apart by a key (a run label, or the name).
 */
final class JobArrivals implements AutoCloseable {

    private final Function<Job, String> key;
    private final Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
    private final SharedIndexInformer<Job> informer;

    private JobArrivals(KubernetesClient client, String namespace, Function<Job, String> key) {
        this.key = key;
        // No resync: every Job reaches onAdd exactly once, when the watch first delivers it.
        this.informer = client.batch().v1().jobs().inNamespace(namespace).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Job job) {
                arrived(job, System.nanoTime());
            }

            @Override
            public void onUpdate(Job before, Job after) {
            }

            @Override
            public void onDelete(Job job, boolean finalStateUnknown) {
            }
        }, 0);
    }

    /** Follows the Jobs of {@code namespace}, keyed by the value of {@code label}. */
    static JobArrivals byLabel(KubernetesClient client, String namespace, String label) {
        return new JobArrivals(client, namespace, job -> job.getMetadata().getLabels() == null ? null : job.getMetadata().getLabels().get(label));
    }

    /** Follows the Jobs of {@code namespace}, keyed by their name. */
    static JobArrivals byName(KubernetesClient client, String namespace) {
        return new JobArrivals(client, namespace, job -> job.getMetadata().getName());
    }

    /** The nanoTime at which the Job keyed {@code key} was first seen, waiting for it up to {@code limit}. */
    long await(String key, Duration limit) {
        try {
            return arrival(key).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no Job for " + key + " within " + limit, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Job of " + key, e);
        }
    }

    /** The nanoTime at which the last of the Jobs keyed {@code keys} was first seen, waiting up to {@code limit} in all. */
    long awaitAll(Collection<String> keys, Duration limit) {
        CompletableFuture<?>[] all = keys.stream().map(this::arrival).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            long seen = keys.stream().filter(k -> arrival(k).isDone()).count();
            throw new IllegalStateException("only " + seen + " of " + keys.size() + " Jobs within " + limit, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + keys.size() + " Jobs", e);
        }
        return keys.stream().mapToLong(k -> arrival(k).join()).max().orElseThrow();
    }

    private void arrived(Job job, long nanos) {
        String k = key.apply(job);
        if (k != null) {
            arrival(k).complete(nanos);
        }
    }

    private CompletableFuture<Long> arrival(String k) {
        return arrivals.computeIfAbsent(k, ignored -> new CompletableFuture<>());
    }

    @Override
    public void close() {
        informer.close();
    }
}
