package io.kubeclaw.api.ipc;

import io.kubeclaw.api.objects.RunPodLayout;
import io.kubeclaw.api.runner.RunnerEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared {@code /ipc} volume of a run's pod: how the agent, the IPC bridge and the skill sidecars talk
 * without network or API access.
 *
 * <pre>
 * /ipc/events/&lt;seq&gt;.&lt;topic&gt;.json   the agent's outgoing events; the bridge publishes and then deletes each
 * /ipc/inbound/&lt;seq&gt;.json          messages to the agent, written by the bridge
 * /ipc/tools/request-&lt;id&gt;.json     a command for a skill sidecar; claimed by renaming to claimed-&lt;id&gt;.json
 * /ipc/tools/result-&lt;id&gt;.json      the sidecar's answer
 * /ipc/done                        the agent has finished: sidecars exit once their work is flushed
 * </pre>
 */
public record IpcLayout(Path root) {

    public static final Path DEFAULT_ROOT = Path.of(RunPodLayout.IPC_PATH);

    /** Tool call ids the agent chooses: safe in a file name. */
    public static final Pattern TOOL_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern EVENT_FILE = Pattern.compile("(\\d{8,})\\.([a-z]+)\\.json");
    private static final Pattern REQUEST_FILE = Pattern.compile("request-(" + TOOL_ID.pattern() + ")\\.json");

    /** What an event file carries, and so where the bridge publishes it. */
    public enum Topic {
        EVENT, TOOL, RESULT, REPLY, SCHEDULE;

        public String token() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An event file's name, parsed. */
    public record EventFile(long sequence, Topic topic) {
        public String fileName() {
            return "%08d.%s.json".formatted(sequence, topic.token());
        }
    }

    /** The layout under {@code KUBECLAW_IPC_DIR}, {@code /ipc} when it is not set (tests point it elsewhere). */
    public static IpcLayout fromEnvironment(Map<String, String> env) {
        return new IpcLayout(Path.of(env.getOrDefault(RunnerEnv.IPC_DIR, DEFAULT_ROOT.toString())));
    }

    public Path events() {
        return root.resolve("events");
    }

    public Path inbound() {
        return root.resolve("inbound");
    }

    public Path tools() {
        return root.resolve("tools");
    }

    public Path done() {
        return root.resolve("done");
    }

    public Path toolRequest(String id) {
        return tools().resolve("request-" + id + ".json");
    }

    public Path toolClaimed(String id) {
        return tools().resolve("claimed-" + id + ".json");
    }

    public Path toolResult(String id) {
        return tools().resolve("result-" + id + ".json");
    }

    public Path event(EventFile file) {
        return events().resolve(file.fileName());
    }

    /** Creates the directories, as the first process to start in the pod finds an empty volume. */
    public IpcLayout ensureDirectories() throws IOException {
        Files.createDirectories(events());
        Files.createDirectories(inbound());
        Files.createDirectories(tools());
        return this;
    }

    /** The event file {@code file} is, or empty for anything else (temporary files included). */
    public static Optional<EventFile> parseEvent(Path file) {
        Matcher m = EVENT_FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        for (Topic topic : Topic.values()) {
            if (topic.token().equals(m.group(2))) {
                return Optional.of(new EventFile(Long.parseLong(m.group(1)), topic));
            }
        }
        return Optional.empty();
    }

    /** The id of the tool request {@code file} is, or empty. */
    public static Optional<String> parseToolRequest(Path file) {
        Matcher m = REQUEST_FILE.matcher(file.getFileName().toString());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
