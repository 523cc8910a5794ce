package io.kubeclaw.runner.provider;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * LangChain4j's transport on the JDK HTTP client, with bounded retries that honour the provider's Retry-After
 * header, which LangChain4j's own retry cannot see (its HttpException carries no headers).
 */
final class RetryingHttpClient implements HttpClient {

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;
    private final RetryPolicy retries;
    private final JdkHttpClient streaming;

    private RetryingHttpClient(Builder builder) {
        Duration connect = builder.connectTimeout == null ? Duration.ofSeconds(10) : builder.connectTimeout;
        this.http = java.net.http.HttpClient.newBuilder().connectTimeout(connect).build();
        this.readTimeout = builder.readTimeout == null ? Duration.ofMinutes(2) : builder.readTimeout;
        this.retries = builder.retries;
        this.streaming = new JdkHttpClientBuilder().connectTimeout(connect).readTimeout(readTimeout).build();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) throws HttpException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = send(request);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return SuccessfulHttpResponse.builder().statusCode(status).headers(response.headers().map()).body(response.body()).build();
            }
            if (!RetryPolicy.retriable(status) || attempt >= retries.maxAttempts()) {
                throw new HttpException(status, describe(response, attempt));
            }
            Duration delay = retryAfter(response).orElse(retries.backoff(attempt));
            if (delay.compareTo(retries.maxDelay()) > 0) {
                throw new HttpException(status, "the provider asks to retry after " + delay.toSeconds() + " s, longer than the "
                        + retries.maxDelay().toSeconds() + " s this run waits: " + response.body());
            }
            sleep(delay);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        var builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        builder.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new TimeoutException("no answer within " + readTimeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new dev.langchain4j.exception.LangChain4jException("cannot reach " + URI.create(request.url()).getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.langchain4j.exception.LangChain4jException("interrupted", e);
        }
    }

    private static String describe(HttpResponse<String> response, int attempts) {
        String body = response.body() == null ? "" : response.body();
        return attempts > 1 ? body + " (after " + attempts + " attempts)" : body;
    }

    /** Retry-After as seconds or as an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("retry-after").flatMap(RetryingHttpClient::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.strip();
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(v) * 1000))));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.langchain4j.exception.LangChain4jException("interrupted while waiting to retry", e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        // The runner does not stream; the interface requires it, so plain LangChain4j transport serves it.
        streaming.execute(request, parser, listener);
    }

    static final class Builder implements HttpClientBuilder {

        private final RetryPolicy retries;
        private Duration connectTimeout;
        private Duration readTimeout;

        Builder(RetryPolicy retries) {
            this.retries = retries;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new RetryingHttpClient(this);
        }
    }
}
