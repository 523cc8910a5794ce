package io.kubeclaw.controllers.bootstrap;

import io.javaoperatorsdk.operator.Operator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** What the health checks report: whether the operator started, leads, and is still fit to run. */
@ApplicationScoped
public class ControlPlaneState {

    private final AtomicReference<Operator> operator = new AtomicReference<>();
    private final AtomicBoolean leader = new AtomicBoolean();
    private final AtomicReference<String> identity = new AtomicReference<>("");
    private final AtomicReference<String> fatal = new AtomicReference<>();
    private final AtomicReference<String> lastStartError = new AtomicReference<>();

    public void started(Operator started, String id) {
        identity.set(id);
        lastStartError.set(null);
        operator.set(started);
    }

    public void startFailed(String message) {
        lastStartError.set(message);
    }

    public void leading(boolean isLeader) {
        leader.set(isLeader);
    }

    /** The process can no longer do its job (e.g. it lost the lease) and should be restarted. */
    public void fatal(String why) {
        fatal.set(why);
    }

    public boolean isStarted() {
        return operator.get() != null;
    }

    public boolean isLeader() {
        return leader.get();
    }

    public String identity() {
        return identity.get();
    }

    /** Ready: started, not failed, and every informer synced and watching (a leader or a warm standby). */
    public boolean isReady() {
        Operator running = operator.get();
        return running != null && fatal.get() == null && running.getRuntimeInfo().allEventSourcesAreHealthy();
    }

    public Optional<String> fatalReason() {
        return Optional.ofNullable(fatal.get());
    }

    public Optional<String> lastStartError() {
        return Optional.ofNullable(lastStartError.get());
    }
}
