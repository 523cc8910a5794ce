package io.kubeclaw.api.v1alpha1;

import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** activeCount exists for the printer column and must follow active, including after a round trip. */
class ClawScheduleStatusTest {

    @Test
    void activeCountIsWrittenFromActive() {
        ClawScheduleStatus status = new ClawScheduleStatus();
        status.setActive(List.of("standup-1", "standup-2"));

        assertThat(Serialization.asYaml(status)).contains("activeCount: 2");
    }

    @Test
    void activeCountReadFromTheClusterIsIgnoredInFavourOfActive() {
        ClawScheduleStatus status = Serialization.unmarshal("active: [standup-1]\nactiveCount: 5\n", ClawScheduleStatus.class);

        assertThat(status.getActiveCount()).isEqualTo(1);
    }

    @Test
    void noActiveListMeansNoCount() {
        assertThat(Serialization.asYaml(new ClawScheduleStatus())).doesNotContain("activeCount");
    }
}
