package io.kubeclaw.sidecars.bridge;

import io.kubeclaw.api.bus.EventStreams;
import io.kubeclaw.api.ipc.AtomicFiles;
import io.kubeclaw.api.ipc.IpcLayout;
import io.kubeclaw.sidecars.watch.DirectoryWatch;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamOptions;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The IPC bridge: publishes the agent's event files to JetStream, each with a message ID, deleting a file only once
 * JetStream acknowledged it; and delivers the run's inbound messages into {@code /ipc/inbound}. Files go out in
 * order; after a failed publish (NATS down) that file and the ones after it are sent again, so a later file may then
 * be stored before the retried one, and each is stored once: a file published again carries the same message ID.
 */
public final class IpcBridge {

    private static final Logger LOG = Logger.getLogger(IpcBridge.class.getName());
    /** Event files sent before waiting for their acknowledgements. */
    static final int IN_FLIGHT = 64;

    private final BridgeSettings settings;
    private final Connection nats;
    private final JetStream js;
    private final EventRouting routing;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private MessageConsumer inbound;

    public IpcBridge(BridgeSettings settings, Connection nats) throws IOException {
        this.settings = settings;
        this.nats = nats;
        this.js = nats.jetStream(JetStreamOptions.builder().requestTimeout(settings.retryLimit()).build());
        this.routing = new EventRouting(settings.namespace(), settings.instance(), settings.run());
    }

    /** Runs until the agent is done and every event file is published, or until {@link #stop()}. */
    public int run() throws IOException, InterruptedException {
        IpcLayout ipc = settings.ipc().ensureDirectories();
        try (DirectoryWatch watch = new DirectoryWatch(ipc.events(), settings.rescan())) {
            while (true) {
                ensureInbound();
                boolean done = Files.exists(ipc.done());
                boolean flushed = publishPending(ipc);
                if (done && flushed) {
                    LOG.info("the agent is done and every event is published; exiting");
                    return 0;
                }
                if (stopping.get()) {
                    return flushed ? 0 : 1;
                }
                if (flushed) {
                    watch.awaitChange();
                } else {
                    Thread.sleep(settings.rescan().toMillis() / 4);
                }
            }
        } finally {
            if (inbound != null) {
                inbound.stop();
            }
        }
    }

    /** Asks {@link #run()} to return after its current pass; it still publishes what it can in that pass. */
    public void stop() {
        stopping.set(true);
    }

    /**
     * Publishes the event files in order, up to {@link #IN_FLIGHT} at a time without waiting for each acknowledgement
     * (one connection keeps their order), deleting each file once its acknowledgement came. False when one could not
     * be published: it and the files after it stay for the next pass, and any of them JetStream did store meanwhile
     * is recognised by its message ID then.
     */
    private boolean publishPending(IpcLayout ipc) throws IOException {
        List<Path> files = pending(ipc);
        for (int from = 0; from < files.size(); from += IN_FLIGHT) {
            List<Published> batch = new ArrayList<>();
            for (Path file : files.subList(from, Math.min(files.size(), from + IN_FLIGHT))) {
                publish(file).ifPresent(batch::add);
            }
            for (Published published : batch) {
                if (!acknowledged(published)) {
                    return false;
                }
                Files.deleteIfExists(published.file());
            }
        }
        return true;
    }

    private record Published(Path file, String messageId, CompletableFuture<PublishAck> ack) {
    }

    /** Sends one file; empty when it is gone or cannot be routed (it is then set aside). */
    private Optional<Published> publish(Path file) throws IOException {
        IpcLayout.EventFile event = IpcLayout.parseEvent(file).orElseThrow();
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String subject;
        try {
            subject = routing.subject(event, content);
        } catch (IllegalArgumentException e) {
            reject(file, e.getMessage());
            return Optional.empty();
        }
        String messageId = EventRouting.messageId(settings.runUid(), event);
        return Optional.of(new Published(file, messageId, js.publishAsync(subject, content.getBytes(StandardCharsets.UTF_8),
                PublishOptions.builder().messageId(messageId).build())));
    }

    private boolean acknowledged(Published published) {
        try {
            PublishAck ack = published.ack().get(settings.retryLimit().toMillis(), TimeUnit.MILLISECONDS);
            if (ack.isDuplicate()) {
                LOG.info(() -> "JetStream already had " + published.messageId() + " (published before a restart)");
            }
            return true;
        } catch (ExecutionException | TimeoutException e) {
            String reason = e instanceof TimeoutException ? "no acknowledgement within " + settings.retryLimit().toMillis() + " ms"
                    : String.valueOf(e.getCause().getMessage());
            LOG.warning("cannot publish " + published.messageId() + " yet (" + reason + "); the file stays and is retried");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<Path> pending(IpcLayout ipc) throws IOException {
        try (Stream<Path> files = Files.list(ipc.events())) {
            return files.filter(file -> !AtomicFiles.isTemporary(file))
                    .filter(file -> IpcLayout.parseEvent(file).isPresent())
                    .sorted((a, b) -> Long.compare(IpcLayout.parseEvent(a).orElseThrow().sequence(),
                            IpcLayout.parseEvent(b).orElseThrow().sequence()))
                    .toList();
        }
    }

    /** A file that can never be published is kept beside the others for inspection, out of the queue. */
    private static void reject(Path file, String reason) throws IOException {
        LOG.warning("not publishing " + file.getFileName() + ": " + reason + "; kept as " + file.getFileName() + ".rejected");
        Files.move(file, file.resolveSibling(file.getFileName() + ".rejected"));
    }

    /**
     * Delivers the run's inbound subject through its durable consumer. Retried each pass until the stream exists,
     * since the bridge may start before the control plane created it.
     */
    private void ensureInbound() {
        if (inbound != null || nats.getStatus() != Connection.Status.CONNECTED) {
            return;
        }
        try {
            var config = EventStreams.runInbound(settings.namespace(), settings.instance(), settings.run());
            nats.jetStreamManagement().addOrUpdateConsumer(EventStreams.RUNS, config);
            inbound = js.getConsumerContext(EventStreams.RUNS, config.getDurable()).consume(this::deliver);
        } catch (IOException | JetStreamApiException e) {
            LOG.warning("cannot subscribe to the run's inbound messages yet: " + e.getMessage());
        }
    }

    /** Writes the message to /ipc/inbound, named by its stream sequence so a redelivery overwrites rather than repeats. */
    private void deliver(Message message) {
        long sequence = message.metaData().streamSequence();
        Path target = settings.ipc().inbound().resolve("%012d.json".formatted(sequence));
        try {
            AtomicFiles.write(target, new String(message.getData(), StandardCharsets.UTF_8));
            message.ack();
        } catch (IOException e) {
            LOG.warning("cannot write inbound message " + sequence + ": " + e.getMessage() + "; it will be redelivered");
            message.nak();
        }
    }
}
