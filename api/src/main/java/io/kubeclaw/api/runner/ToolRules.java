package io.kubeclaw.api.runner;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which tools a run may call: its own allow and deny lists (AgentRun {@code toolPolicy}) narrowing its ClawPolicy's
 * tool gating. The control plane writes it, the runner enforces it: a denied tool is not offered to the model and a
 * call to it is refused.
 *
 * @param allow         tool names or prefixes ending in {@code *} the run may call; null allows what the gating allows
 * @param deny          tools the run may not call, whatever else says
 * @param rules         the ClawPolicy's per-tool actions; the most specific match wins
 * @param defaultAction the ClawPolicy's action for tools no rule matches: allow, deny or ask; null is allow
 * @param narrowing     the tool gating of each further policy that applies (an instance's own under the admin's):
 *                      each decides as the first does, and the strictest decision stands; null or empty is none
 */
public record ToolRules(int version, List<String> allow, List<String> deny, List<Rule> rules, String defaultAction, List<Gating> narrowing) {

    public static final int VERSION = 1;
    public static final ToolRules ALLOW_ALL = new ToolRules(VERSION, null, List.of(), List.of(), null);

    /** Rules from one policy only. */
    public ToolRules(int version, List<String> allow, List<String> deny, List<Rule> rules, String defaultAction) {
        this(version, allow, deny, rules, defaultAction, null);
    }

    public record Rule(String tool, String action) {
    }

    /** One further policy's tool gating: its rules (most specific match wins) and its default action. */
    public record Gating(List<Rule> rules, String defaultAction) {

        Decision decide(String tool) {
            return mostSpecific(rules, tool).map(r -> Decision.parse(r.action())).orElseGet(() -> Decision.parse(defaultAction));
        }
    }

    public enum Decision {
        ALLOW, DENY, ASK;

        static Decision parse(String action) {
            return action == null ? ALLOW : switch (action) {
                case "allow" -> ALLOW;
                case "ask" -> ASK;
                // An action this runner does not know is not permission.
                default -> DENY;
            };
        }
    }

    public Decision decide(String tool) {
        Objects.requireNonNull(tool, "tool");
        if (deny != null && deny.stream().anyMatch(pattern -> matches(pattern, tool))) {
            return Decision.DENY;
        }
        if (allow != null && allow.stream().noneMatch(pattern -> matches(pattern, tool))) {
            return Decision.DENY;
        }
        Decision decision = new Gating(rules, defaultAction).decide(tool);
        for (Gating gating : narrowing == null ? List.<Gating>of() : narrowing) {
            Decision further = gating.decide(tool);
            // The enum's order (ALLOW, DENY, ASK) is not strictness, so strictness is spelt out below.
            decision = strictness(further) > strictness(decision) ? further : decision;
        }
        return decision;
    }

    /** The first policy's rule that decides the tool, if one matches: the most specific. */
    public Optional<Rule> matchingRule(String tool) {
        return mostSpecific(rules, tool);
    }

    private static Optional<Rule> mostSpecific(List<Rule> rules, String tool) {
        return rules == null ? Optional.empty() : rules.stream()
                .filter(r -> r.tool() != null && matches(r.tool(), tool))
                .max(Comparator.comparingInt(r -> specificity(r.tool())));
    }

    private static int strictness(Decision decision) {
        return switch (decision) {
            case ALLOW -> 0;
            case ASK -> 1;
            case DENY -> 2;
        };
    }

    /** A name matches itself; {@code prefix*} matches every name starting with the prefix. */
    static boolean matches(String pattern, String tool) {
        return pattern.endsWith("*") ? tool.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(tool);
    }

    /** An exact name beats any prefix; a longer prefix beats a shorter one. */
    private static int specificity(String pattern) {
        return pattern.endsWith("*") ? pattern.length() - 1 : Integer.MAX_VALUE;
    }
}
