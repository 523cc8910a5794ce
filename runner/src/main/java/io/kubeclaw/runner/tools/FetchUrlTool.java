package io.kubeclaw.runner.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.kubeclaw.runner.text.CappedText;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code fetch_url}: a GET of an http(s) URL. Every hop is checked by {@link AddressGuard} before it is requested,
 * the first and each redirect alike, since a public URL may redirect to the metadata service.
 */
public final class FetchUrlTool implements AgentTool {

    static final int MAX_REDIRECTS = 5;
    static final int MAX_BYTES = 256 * 1024;

    private final AddressGuard guard;
    private final HttpClient http;
    private final Duration timeout;

    public FetchUrlTool(AddressGuard guard, Duration timeout) {
        this.guard = guard;
        this.timeout = timeout;
        // Redirects are followed here, hop by hop, so that each target is checked.
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder().name("fetch_url")
                .description("Fetch a public web page or API over http(s) with GET; returns the status and up to 256 KiB of the body.")
                .parameters(JsonObjectSchema.builder().addStringProperty("url", "The http or https URL.").required("url").build())
                .build();
    }

    @Override
    public ToolOutcome call(String callId, JsonNode arguments) throws IOException, InterruptedException {
        URI uri;
        try {
            uri = URI.create(ToolArguments.requiredText(arguments, "url"));
        } catch (IllegalArgumentException e) {
            return ToolOutcome.refused("not a URL: " + e.getMessage());
        }
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Optional<String> problem = check(uri);
            if (problem.isPresent()) {
                return ToolOutcome.refused(hop == 0 ? problem.get() : "redirected to " + uri + ": " + problem.get());
            }
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET()
                    .header("User-Agent", "kubeclaw-runner").build(), HttpResponse.BodyHandlers.ofInputStream());
            Optional<String> location = response.headers().firstValue("location");
            if (response.statusCode() / 100 == 3 && location.isPresent()) {
                response.body().close();
                uri = uri.resolve(location.get());
                continue;
            }
            try (InputStream body = response.body()) {
                return new ToolOutcome(response.statusCode() < 400, "HTTP " + response.statusCode() + "\n"
                        + CappedText.read(body, MAX_BYTES).withNote("[truncated at 256 KiB]"));
            }
        }
        return ToolOutcome.refused("more than " + MAX_REDIRECTS + " redirects");
    }

    private Optional<String> check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs can be fetched, not \"" + uri + "\"");
        }
        if (uri.getHost() == null) {
            return Optional.of("the URL " + uri + " names no host");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return guard.refusal(host, port);
    }
}
