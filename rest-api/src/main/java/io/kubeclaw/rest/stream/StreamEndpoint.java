package io.kubeclaw.rest.stream;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /ws}: run phases and events, followed logs and resource changes, pushed to a client as they happen
 * (docs/api.md describes the protocol). One instance per connection; the work is in {@link StreamSession}.
 */
@ServerEndpoint(value = "/ws", configurator = StreamHandshake.class)
public class StreamEndpoint {

    private static final Logger LOG = Logger.getLogger(StreamEndpoint.class.getName());

    private StreamService streams;
    private StreamSession session;

    @OnOpen
    public void open(Session socket, EndpointConfig config) throws IOException {
        StreamService.Handshake handshake = (StreamService.Handshake) config.getUserProperties().get(StreamService.Handshake.KEY);
        if (handshake == null || handshake.caller() == null) {
            String refusal = handshake == null ? "the handshake was not checked" : handshake.refusal();
            // Nothing else is queued on a socket that is just open, so a blocking send is safe here.
            socket.getBasicRemote().sendText(Frame.error(null, refusal).toJson());
            socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, CloseReasons.fit(refusal)));
            return;
        }
        // A quiet subscription is not a dead one; a client that must keep a proxy's connection alive pings.
        socket.setMaxIdleTimeout(0);
        streams = CDI.current().select(StreamService.class).get();
        session = streams.open(socket, handshake);
    }

    @OnMessage(maxMessageSize = ClientMessages.MAX_LENGTH)
    public void receive(String message) {
        if (session != null) {
            session.receive(message);
        }
    }

    @OnClose
    public void closed(Session socket, CloseReason reason) {
        if (session != null) {
            streams.closed(session);
        }
    }

    @OnError
    public void failed(Session socket, Throwable error) {
        LOG.log(Level.FINE, "WebSocket error", error);
        if (session != null) {
            streams.closed(session);
        }
    }
}
