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
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The IPC bridge: publishes the agent's event files to JetStream, each with a message ID, deleting a file only once
 * JetStream acknowledged it; and delivers the run's inbound messages into {@code /ipc/inbound}. Files go out in
 * order and one at a time, so a failure (NATS down) holds the rest back rather than reordering them. A file
 * published again after a crash or a lost acknowledgement carries the same ID and is stored once.
 */
public final class IpcBridge {

    private static final Logger LOG = Logger.getLogger(IpcBridge.class.getName());

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

    /** Publishes the event files in order; false when one could not be published and waits for the next pass. */
    private boolean publishPending(IpcLayout ipc) throws IOException {
        for (Path file : pending(ipc)) {
            IpcLayout.EventFile event = IpcLayout.parseEvent(file).orElseThrow();
            String content;
            try {
                content = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                continue;
            }
            String subject;
            try {
                subject = routing.subject(event, content);
            } catch (IllegalArgumentException e) {
                reject(file, e.getMessage());
                continue;
            }
            if (!publish(subject, EventRouting.messageId(settings.runUid(), event), content)) {
                return false;
            }
            Files.deleteIfExists(file);
        }
        return true;
    }

    private boolean publish(String subject, String messageId, String content) {
        try {
            PublishAck ack = js.publish(subject, content.getBytes(StandardCharsets.UTF_8),
                    PublishOptions.builder().messageId(messageId).build());
            if (ack.isDuplicate()) {
                LOG.info(() -> "JetStream already had " + messageId + " (published before a restart)");
            }
            return true;
        } catch (IOException | JetStreamApiException e) {
            LOG.warning("cannot publish " + messageId + " to " + subject + " yet (" + e.getMessage() + "); the file stays and is retried");
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
