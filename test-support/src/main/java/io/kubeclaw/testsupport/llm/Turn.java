package io.kubeclaw.testsupport.llm;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the fake LLM does with the next model request: answer, fail as the provider would, or never answer. */
public sealed interface Turn permits Turn.Answer, Turn.Error, Turn.Hang {

    Usage DEFAULT_USAGE = new Usage(100, 20);

    static Turn text(String content) {
        return new Text(content, DEFAULT_USAGE);
    }

    static Turn toolCalls(ToolCall... calls) {
        return new ToolCalls(List.of(calls), DEFAULT_USAGE);
    }

    static Turn error(int status, String message, Map<String, String> headers) {
        return new Error(status, message, headers);
    }

    static Turn hang() {
        return new Hang();
    }

    Turn withUsage(long inputTokens, long outputTokens);

    /** Token counts the fake reports for one answer. */
    record Usage(long inputTokens, long outputTokens) {

        public long total() {
            return inputTokens + outputTokens;
        }
    }

    /** A successful model answer, which both wire formats render from the same three facts. */
    sealed interface Answer extends Turn permits Text, ToolCalls {

        /** The assistant's text, or null when it only calls tools. */
        String content();

        List<ToolCall> calls();

        Usage usage();
    }

    /** A final text answer (finish_reason stop, stop_reason end_turn). */
    record Text(String content, Usage usage) implements Answer {

        public Text {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(usage, "usage");
        }

        @Override
        public List<ToolCall> calls() {
            return List.of();
        }

        @Override
        public Text withUsage(long inputTokens, long outputTokens) {
            return new Text(content, new Usage(inputTokens, outputTokens));
        }
    }

    /** An answer that asks the client to run tools (finish_reason tool_calls, stop_reason tool_use). */
    record ToolCalls(List<ToolCall> calls, Usage usage) implements Answer {

        public ToolCalls {
            calls = List.copyOf(calls);
            if (calls.isEmpty()) {
                throw new IllegalArgumentException("a tool-calls turn needs at least one call");
            }
            Objects.requireNonNull(usage, "usage");
        }

        @Override
        public String content() {
            return null;
        }

        @Override
        public ToolCalls withUsage(long inputTokens, long outputTokens) {
            return new ToolCalls(calls, new Usage(inputTokens, outputTokens));
        }
    }

    /** A provider error: the status, the provider's error JSON around the message, and extra response headers. */
    record Error(int status, String message, Map<String, String> headers) implements Turn {

        public Error {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("an error turn needs a 4xx or 5xx status, not " + status);
            }
            Objects.requireNonNull(message, "message");
            headers = Map.copyOf(headers);
        }

        @Override
        public Turn withUsage(long inputTokens, long outputTokens) {
            throw new UnsupportedOperationException("an error turn reports no usage");
        }
    }

    /** Never answers, until the server closes; for client timeouts. */
    record Hang() implements Turn {

        @Override
        public Turn withUsage(long inputTokens, long outputTokens) {
            throw new UnsupportedOperationException("a hanging turn reports no usage");
        }
    }
}
