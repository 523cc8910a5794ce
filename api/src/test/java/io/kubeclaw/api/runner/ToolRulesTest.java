package io.kubeclaw.api.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.kubeclaw.api.runner.ToolRules.Decision;
import io.kubeclaw.api.runner.ToolRules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ToolRulesTest {

    private static ToolRules lists(List<String> allow, List<String> deny) {
        return new ToolRules(ToolRules.VERSION, allow, deny, List.of(), null);
    }

    private static ToolRules gating(String defaultAction, Rule... rules) {
        return new ToolRules(ToolRules.VERSION, null, List.of(), List.of(rules), defaultAction);
    }

    @ParameterizedTest
    @CsvSource({
            "read_file, read_file",
            "kubectl.*, kubectl.get",
            "*,         read_file",
    })
    void aDenyEntryBeatsAnAllowEntry(String pattern, String tool) {
        ToolRules rules = new ToolRules(ToolRules.VERSION, List.of(pattern), List.of(pattern),
                List.of(new Rule(tool, "allow")), "allow");

        assertThat(rules.decide(tool)).isEqualTo(Decision.DENY);
    }

    @ParameterizedTest
    @CsvSource({
            "read_file,  ALLOW",
            "write_file, DENY",
            "kubectl.get, ALLOW",
            "kubectl,    DENY",
            "fetch_url,  DENY",
    })
    void aSetAllowListDeniesEveryToolItDoesNotName(String tool, Decision expected) {
        ToolRules rules = lists(List.of("read_file", "kubectl.*"), List.of());

        assertThat(rules.decide(tool)).isEqualTo(expected);
    }

    @Test
    void anEmptyAllowListDeniesEverything() {
        assertThat(lists(List.of(), List.of()).decide("read_file")).isEqualTo(Decision.DENY);
    }

    @ParameterizedTest
    @CsvSource({"allow, ALLOW", "ask, ASK", "deny, DENY"})
    void aNullAllowListLeavesTheDecisionToTheGating(String defaultAction, Decision expected) {
        ToolRules rules = new ToolRules(ToolRules.VERSION, null, null, null, defaultAction);

        assertThat(rules.decide("anything")).isEqualTo(expected);
    }

    @Test
    void anAllowedToolStillGoesThroughTheGating() {
        ToolRules rules = new ToolRules(ToolRules.VERSION, List.of("fetch_url"), List.of(),
                List.of(new Rule("fetch_url", "ask")), "allow");

        assertThat(rules.decide("fetch_url")).isEqualTo(Decision.ASK);
    }

    @ParameterizedTest
    @CsvSource({
            "kubectl.*, kubectl.get,     true",
            "kubectl.*, kubectl.,        true",
            "kubectl.*, kubectl,         false",
            "kubectl.*, kubectlx.get,    false",
            "kubectl.*, xkubectl.get,    false",
            "kubectl.get, kubectl.get,   true",
            "kubectl.get, kubectl.getx,  false",
            "kubectl.get, kubectl.ge,    false",
            "*,         read_file,       true",
            // Only a trailing star is a wildcard; elsewhere it is a literal character.
            "*.get,     kubectl.get,     false",
            "*.get,     *.get,           true",
    })
    void aPatternEndingInAStarMatchesByPrefixAndAnyOtherOnlyItself(String pattern, String tool, boolean matches) {
        assertThat(ToolRules.matches(pattern, tool)).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({
            // exact name beats every prefix
            "kubectl.get,         ALLOW",
            // longer prefix kubectl.delete* beats kubectl.*
            "kubectl.delete,      DENY",
            "kubectl.delete-all,  DENY",
            // kubectl.g* is one character longer than kubectl.*
            "kubectl.gx,          DENY",
            // only kubectl.* matches
            "kubectl.apply,       ASK",
            // only the catch-all matches
            "read_file,           ALLOW",
    })
    void theMostSpecificGatingRuleWins(String tool, Decision expected) {
        ToolRules rules = gating("deny",
                new Rule("*", "allow"),
                new Rule("kubectl.*", "ask"),
                new Rule("kubectl.delete*", "deny"),
                new Rule("kubectl.get", "allow"),
                new Rule("kubectl.g*", "deny"));

        assertThat(rules.decide(tool)).isEqualTo(expected);
    }

    @Test
    void theOrderOfTheRulesDoesNotMatter() {
        ToolRules forward = gating(null, new Rule("kubectl.*", "deny"), new Rule("kubectl.get", "ask"));
        ToolRules backward = gating(null, new Rule("kubectl.get", "ask"), new Rule("kubectl.*", "deny"));

        assertThat(forward.decide("kubectl.get")).isEqualTo(Decision.ASK);
        assertThat(backward.decide("kubectl.get")).isEqualTo(Decision.ASK);
    }

    @Test
    void aRuleWithoutAToolIsIgnored() {
        ToolRules rules = gating("ask", new Rule(null, "deny"));

        assertThat(rules.decide("read_file")).isEqualTo(Decision.ASK);
    }

    @ParameterizedTest
    @CsvSource(value = {
            "allow, ALLOW",
            "deny,  DENY",
            "ask,   ASK",
            "NULL,  ALLOW",
    }, nullValues = "NULL")
    void theDefaultActionDecidesForAToolNoRuleMatches(String defaultAction, Decision expected) {
        ToolRules rules = gating(defaultAction, new Rule("kubectl.*", "ask"));

        assertThat(rules.decide("read_file")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Allow", "ALLOW", "permit", "", " allow", "yes"})
    void anActionThisRunnerDoesNotKnowIsADenial(String action) {
        assertThat(gating(action).decide("read_file")).isEqualTo(Decision.DENY);
        assertThat(gating("allow", new Rule("read_file", action)).decide("read_file")).isEqualTo(Decision.DENY);
    }

    @Test
    void aRuleWithANullActionAllows() {
        assertThat(gating("deny", new Rule("read_file", null)).decide("read_file")).isEqualTo(Decision.ALLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"read_file", "write_file", "kubectl.delete", "execute_command", ""})
    void allowAllAllowsEveryTool(String tool) {
        assertThat(ToolRules.ALLOW_ALL.decide(tool)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aNullToolIsAProgrammingError() {
        assertThatNullPointerException().isThrownBy(() -> ToolRules.ALLOW_ALL.decide(null)).withMessage("tool");
    }
}
