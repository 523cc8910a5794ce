package io.kubeclaw.runner.ipc;

import io.kubeclaw.api.events.EventJson;
import io.kubeclaw.api.events.InboundMessage;
import io.kubeclaw.api.ipc.AtomicFiles;
import io.kubeclaw.api.ipc.IpcLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Messages the bridge delivered to {@code /ipc/inbound}, such as a human's approval of a tool call. */
public final class InboundMessages {

    private final IpcLayout ipc;

    public InboundMessages(IpcLayout ipc) {
        this.ipc = ipc;
    }

    /** Waits at most {@code limit} for the approval of {@code callId}; empty when none came. */
    public Optional<InboundMessage> awaitApproval(String callId, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Optional<InboundMessage> approval = current().stream().filter(message -> message.isApprovalOf(callId)).findFirst();
            if (approval.isPresent() || System.nanoTime() > deadline) {
                return approval;
            }
            Thread.sleep(100);
        }
    }

    private List<InboundMessage> current() throws IOException {
        if (!Files.isDirectory(ipc.inbound())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(ipc.inbound())) {
            return files.filter(file -> !AtomicFiles.isTemporary(file) && file.toString().endsWith(".json")).sorted()
                    .map(InboundMessages::read).flatMap(Optional::stream).toList();
        }
    }

    private static Optional<InboundMessage> read(Path file) {
        try {
            return EventJson.read(Files.readString(file), InboundMessage.class);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
