package io.kubeclaw.controllers.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunResourceNamesTest {

    @Test
    void shortNamesGetTheSuffix() {
        assertThat(RunResourceNames.job("diagnose")).isEqualTo("diagnose-run");
        assertThat(RunResourceNames.serviceAccount("diagnose")).isEqualTo("diagnose-agent");
        assertThat(SkillPackNames.configMap("k8s-ops")).isEqualTo("k8s-ops-skills");
    }

    @Test
    void longNamesStayValidDistinctAndStable() {
        String a = "a".repeat(60) + "-one";
        String b = "a".repeat(60) + "-two";
        assertThat(RunResourceNames.job(a)).hasSizeLessThanOrEqualTo(63).endsWith("-run").isEqualTo(RunResourceNames.job(a));
        assertThat(RunResourceNames.job(a)).isNotEqualTo(RunResourceNames.job(b));
        assertThat(RunResourceNames.job("x".repeat(55) + "-----y")).doesNotContain("--").matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }
}
