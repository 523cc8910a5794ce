package io.kubeclaw.runner.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.kubeclaw.api.events.ChannelReply;
import io.kubeclaw.api.events.ScheduleRequest;
import io.kubeclaw.api.ipc.IpcLayout;
import io.kubeclaw.api.v1alpha1.common.SchemaPatterns;
import io.kubeclaw.api.v1alpha1.schedule.CronSyntax;
import io.kubeclaw.runner.config.RunnerConfig.ReplyTarget;
import io.kubeclaw.runner.ipc.EventOutbox;
import java.util.regex.Pattern;

/**
 * Tools that ask others to act, published as events through the IPC bridge: {@code send_channel_message} (the
 * channel pod sends it) and {@code schedule_task} (the control plane creates the ClawSchedule; the runner has no API
 * access to do it).
 */
public final class ControlPlaneTools {

    private static final Pattern DNS_LABEL = Pattern.compile(SchemaPatterns.DNS1123_LABEL);
    private static final Pattern CRON = Pattern.compile(CronSyntax.PATTERN);

    private ControlPlaneTools() {
    }

    public record SendChannelMessage(EventOutbox outbox, ReplyTarget replyTo, String run) implements AgentTool {
        @Override
        public ToolSpecification specification() {
            return ToolSpecification.builder().name("send_channel_message")
                    .description("Send a message to the " + replyTo.channel() + " chat this run answers, before the final answer.")
                    .parameters(JsonObjectSchema.builder().addStringProperty("text", "The message.").required("text").build())
                    .build();
        }

        @Override
        public ToolOutcome call(String callId, JsonNode arguments) {
            String text = ToolArguments.requiredText(arguments, "text");
            outbox.write(IpcLayout.Topic.REPLY, new ChannelReply(ChannelReply.VERSION, replyTo.channel(), replyTo.chatId(), text, run));
            return ToolOutcome.ok("queued for " + replyTo.channel() + " chat " + replyTo.chatId());
        }
    }

    public record ScheduleTask(EventOutbox outbox, String run) implements AgentTool {
        @Override
        public ToolSpecification specification() {
            return ToolSpecification.builder().name("schedule_task")
                    .description("Ask the control plane to run a task on a cron schedule for this instance (creates a ClawSchedule).")
                    .parameters(JsonObjectSchema.builder()
                            .addStringProperty("name", "Name of the schedule: lower-case letters, digits and dashes.")
                            .addStringProperty("schedule", "Five-field cron expression, e.g. \"0 * * * *\" or \"@daily\".")
                            .addStringProperty("task", "What each scheduled run should do.")
                            .required("name", "schedule", "task").build())
                    .build();
        }

        @Override
        public ToolOutcome call(String callId, JsonNode arguments) {
            String name = ToolArguments.requiredText(arguments, "name");
            String schedule = ToolArguments.requiredText(arguments, "schedule");
            String task = ToolArguments.requiredText(arguments, "task");
            if (!DNS_LABEL.matcher(name).matches() || name.length() > SchemaPatterns.DNS1123_LABEL_MAX_LENGTH) {
                return ToolOutcome.refused("\"" + name + "\" is not a valid name: lower-case letters, digits and dashes, at most 63");
            }
            if (!CRON.matcher(schedule).matches()) {
                return ToolOutcome.refused("\"" + schedule + "\" is not a cron expression with five fields or a macro such as @daily");
            }
            outbox.write(IpcLayout.Topic.SCHEDULE, new ScheduleRequest(ScheduleRequest.VERSION, name, schedule, task, run));
            return ToolOutcome.ok("requested ClawSchedule " + name + " (" + schedule + "); the control plane creates it");
        }
    }
}
