package io.kubeclaw.runner.config;

import io.kubeclaw.api.events.EventJson;
import io.kubeclaw.api.ipc.IpcLayout;
import io.kubeclaw.api.objects.RunPodLayout;
import io.kubeclaw.api.runner.EgressRules;
import io.kubeclaw.api.runner.RunnerEnv;
import io.kubeclaw.api.runner.ToolRules;
import io.kubeclaw.api.v1alpha1.common.GoDuration;
import io.kubeclaw.api.v1alpha1.instance.ProviderName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Everything one run needs, read once from the environment the control plane gives the agent container.
 * Bad values fail here, with the variable's name, before any provider is called.
 */
public record RunnerConfig(RunIdentity identity, ProviderSettings provider, String task, String systemPrompt,
                           RunLimits limits, ToolRules toolRules, EgressRules egress, ReplyTarget replyTo,
                           List<String> executors, boolean memoryEnabled, RunPaths paths) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    static final Duration DEFAULT_PROVIDER_TIMEOUT = Duration.ofMinutes(2);
    static final int DEFAULT_MAX_ITERATIONS = 25;

    /** A chat to answer on: {@code <channel>:<chatId>}. */
    public record ReplyTarget(String channel, String chatId) {
    }

    public static RunnerConfig fromEnvironment(Map<String, String> env) {
        EnvReader read = new EnvReader(env);
        RunIdentity identity = new RunIdentity(read.required(RunnerEnv.NAMESPACE), read.required(RunnerEnv.INSTANCE),
                read.required(RunnerEnv.RUN_NAME));
        ProviderName name = read.provider(RunnerEnv.PROVIDER);
        ProviderSettings provider = new ProviderSettings(name, read.required(RunnerEnv.MODEL), read.optional(RunnerEnv.BASE_URL),
                read.optional(RunnerEnv.API_KEY), read.optional(RunnerEnv.API_VERSION),
                read.duration(RunnerEnv.PROVIDER_TIMEOUT, DEFAULT_PROVIDER_TIMEOUT));
        provider.validate();
        RunLimits limits = new RunLimits(read.positiveInt(RunnerEnv.MAX_ITERATIONS, DEFAULT_MAX_ITERATIONS),
                read.duration(RunnerEnv.TIMEOUT, DEFAULT_TIMEOUT), read.positiveLong(RunnerEnv.TOKEN_BUDGET));
        return new RunnerConfig(identity, provider, read.required(RunnerEnv.TASK), read.optional(RunnerEnv.SYSTEM_PROMPT), limits,
                read.json(RunnerEnv.TOOL_RULES, ToolRules.class, ToolRules.ALLOW_ALL),
                read.json(RunnerEnv.EGRESS_RULES, EgressRules.class, EgressRules.NONE),
                read.replyTarget(RunnerEnv.REPLY_TO),
                read.list(RunnerEnv.EXECUTORS),
                Boolean.parseBoolean(read.optional(RunnerEnv.MEMORY_ENABLED)),
                new RunPaths(IpcLayout.fromEnvironment(env).root(), read.path(RunnerEnv.WORKSPACE_DIR, RunPodLayout.WORKSPACE_PATH),
                        read.path(RunnerEnv.SKILLS_DIR, "/skills"), read.path(RunnerEnv.MEMORY_DIR, "/memory")));
    }

    /** Reads variables and names the one that is wrong. */
    private record EnvReader(Map<String, String> env) {

        String optional(String name) {
            String value = env.get(name);
            return value == null || value.isBlank() ? null : value;
        }

        String required(String name) {
            String value = optional(name);
            if (value == null) {
                throw new IllegalArgumentException(name + " is not set: the control plane sets it on every agent container");
            }
            return value;
        }

        ProviderName provider(String name) {
            String value = required(name);
            return Arrays.stream(ProviderName.values()).filter(p -> p.wireName().equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + "=\"" + value + "\" is not a provider: use one of "
                            + Arrays.stream(ProviderName.values()).map(ProviderName::wireName).toList()));
        }

        Duration duration(String name, Duration fallback) {
            try {
                Duration parsed = GoDuration.parse(optional(name), fallback);
                if (parsed.isZero() || parsed.isNegative()) {
                    throw new IllegalArgumentException("it must be longer than zero");
                }
                return parsed;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        }

        int positiveInt(String name, int fallback) {
            Long value = positiveLong(name);
            if (value != null && value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + "=" + value + " is too large");
            }
            return value == null ? fallback : value.intValue();
        }

        Long positiveLong(String name) {
            String value = optional(name);
            if (value == null) {
                return null;
            }
            try {
                long parsed = Long.parseLong(value.strip());
                if (parsed > 0) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below with the variable's name
            }
            throw new IllegalArgumentException(name + "=\"" + value + "\" is not a positive whole number");
        }

        <T> T json(String name, Class<T> type, T fallback) {
            String value = optional(name);
            if (value == null) {
                return fallback;
            }
            try {
                return EventJson.readOrThrow(value, type);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " is not valid JSON for " + type.getSimpleName() + ": " + e.getMessage(), e);
            }
        }

        ReplyTarget replyTarget(String name) {
            String value = optional(name);
            if (value == null) {
                return null;
            }
            int colon = value.indexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new IllegalArgumentException(name + "=\"" + value + "\" is not <channel>:<chatId>");
            }
            return new ReplyTarget(value.substring(0, colon), value.substring(colon + 1));
        }

        List<String> list(String name) {
            String value = optional(name);
            return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        Path path(String name, String fallback) {
            return Path.of(env.getOrDefault(name, fallback));
        }
    }
}
