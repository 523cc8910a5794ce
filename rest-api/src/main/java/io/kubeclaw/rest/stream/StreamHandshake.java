package io.kubeclaw.rest.stream;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;

/**
 * Checks the opening handshake of {@code /ws}: the Origin, then the bearer token (TokenReview). The outcome goes
 * to the session in its user properties (a copy per connection since WebSocket 2.1); a refused socket is closed
 * with 1008 and the reason right after it opens, since a handshake refusal could not say why.
 */
public class StreamHandshake extends ServerEndpointConfig.Configurator {

    /** Every origin passes here: {@link #modifyHandshake} decides, where a refusal can carry its reason. */
    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return true;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        StreamService streams = CDI.current().select(StreamService.class).get();
        config.getUserProperties().put(StreamService.Handshake.KEY,
                streams.handshake(header(request, "Origin"), header(request, "Authorization")));
    }

    private static String header(HandshakeRequest request, String name) {
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().getFirst();
            }
        }
        return null;
    }
}
