package io.kubeclaw.testsupport.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a server's health endpoint for its HTTP status, as readiness checks do; -1 when nothing answers. */
public final class HttpProbe {

    private HttpProbe() {
    }

    public static int status(HttpClient http, String url, String bearerToken) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3));
            if (bearerToken != null) {
                request.header("Authorization", "Bearer " + bearerToken);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
