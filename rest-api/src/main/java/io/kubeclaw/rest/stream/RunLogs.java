package io.kubeclaw.rest.stream;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.rest.auth.Caller;
import io.kubeclaw.rest.kube.CallerClients;
import io.kubeclaw.rest.kube.RunPods;
import io.kubeclaw.rest.problem.RootCause;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ThreadFactory;

/**
 * Followed logs of runs: the agent container's log, streamed line by line on a thread of its own until the
 * container exits or the client unsubscribes or leaves. Cancelling closes the log stream, which ends the read, so
 * the thread never outlives its subscriber.
 */
final class RunLogs {

    /** Longer lines are sent in pieces. */
    static final int MAX_LINE = 16 * 1024;

    private final CallerClients callers;
    private final ThreadFactory threads;

    RunLogs(CallerClients callers, ThreadFactory threads) {
        this.callers = callers;
        this.threads = threads;
    }

    /** Follows the log as {@code caller}: the apiserver decides whether they may read it, as for kubectl logs. */
    Subscription follow(Caller caller, Topic topic, Integer tailLines, FrameSink sink) throws FeedUnavailable {
        KubernetesClient client = callers.of(caller);
        AgentRun run = client.resources(AgentRun.class).inNamespace(topic.namespace()).withName(topic.run()).get();
        if (run == null) {
            throw new FeedUnavailable("run \"" + topic.run() + "\" not found in namespace \"" + topic.namespace() + "\"");
        }
        Pod pod = RunPods.newest(client, run).orElseThrow(() -> new FeedUnavailable(RunPods.noPodYet(topic.run())));
        PodResource podResource = client.pods().inNamespace(topic.namespace()).withName(pod.getMetadata().getName());
        var container = podResource.inContainer(RunPods.AGENT_CONTAINER);
        LogWatch watch;
        try {
            watch = (tailLines == null ? container : container.tailingLines(tailLines)).watchLog();
        } catch (KubernetesClientException e) {
            throw new FeedUnavailable("cannot follow the log of run \"" + topic.run() + "\": " + RootCause.message(e));
        }
        Tail tail = new Tail(topic, watch, sink);
        sink.send(Frame.subscribed(topic));
        Thread thread = threads.newThread(tail);
        thread.setName("kubeclaw-ws-log " + topic.namespace() + "/" + topic.run());
        thread.start();
        return () -> {
            tail.cancelled = true;
            watch.close();
            thread.interrupt();
        };
    }

    private static final class Tail implements Runnable {

        private final Topic topic;
        private final LogWatch watch;
        private final FrameSink sink;
        private volatile boolean cancelled;

        Tail(Topic topic, LogWatch watch, FrameSink sink) {
            this.topic = topic;
            this.watch = watch;
            this.sink = sink;
        }

        @Override
        public void run() {
            try (watch; InputStream log = watch.getOutput()) {
                LogLines.read(log, MAX_LINE, line -> sink.send(Frame.log(topic, line)));
                if (!cancelled) {
                    sink.ended(topic, "the log ended: the agent container exited");
                }
            } catch (IOException | RuntimeException e) {
                if (!cancelled) {
                    sink.ended(topic, "the log stream broke (" + RootCause.message(e) + "): subscribe again to follow it from the end");
                }
            }
        }
    }
}
