package io.kubeclaw.testsupport.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import io.nats.client.OrderedConsumerContext;
import io.nats.client.api.OrderedConsumerConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Everything a JetStream stream holds on some subjects, read with a throw-away ordered consumer; for assertions. */
public final class StreamContents {

    private StreamContents() {
    }

    /** The messages on {@code filterSubject}, oldest first, read until none arrives for {@code idle}. */
    public static List<StoredMessage> read(Connection nats, String stream, String filterSubject, Duration idle) {
        try {
            OrderedConsumerContext consumer = nats.jetStream().getStreamContext(stream)
                    .createOrderedConsumer(new OrderedConsumerConfiguration().filterSubject(filterSubject));
            List<StoredMessage> messages = new ArrayList<>();
            for (Message m = consumer.next(idle); m != null; m = consumer.next(idle)) {
                messages.add(new StoredMessage(m.getSubject(), new String(m.getData(), StandardCharsets.UTF_8),
                        m.getHeaders() == null ? null : m.getHeaders().getFirst("Nats-Msg-Id"), m.metaData().streamSequence()));
            }
            return messages;
        } catch (IOException | JetStreamApiException | JetStreamStatusCheckedException e) {
            throw new IllegalStateException("cannot read stream " + stream + " on " + filterSubject + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record StoredMessage(String subject, String data, String messageId, long sequence) {
    }
}
