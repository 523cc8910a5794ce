package io.kubeclaw.controllers.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.bus.EventSubjects;
import io.kubeclaw.api.events.ScheduleRequest;
import io.kubeclaw.api.v1alpha1.ClawSchedule;
import org.junit.jupiter.api.Test;

class ScheduleRequestsTest {

    @Test
    void aRequestBecomesAScheduleOfTheInstanceInItsSubjectNamingTheRun() {
        EventSubjects.InstanceSubject subject = EventSubjects.parseScheduleRequest(EventSubjects.scheduleRequest("team.a", "sre"));
        ScheduleRequest request = new ScheduleRequest(ScheduleRequest.VERSION, "nightly", "@daily", "check pods", "diagnose.v2");

        ClawSchedule schedule = ScheduleRequests.desired(subject, request);

        assertThat(schedule.getMetadata().getNamespace()).isEqualTo("team.a");
        assertThat(schedule.getMetadata().getName()).isEqualTo("nightly");
        assertThat(schedule.getMetadata().getAnnotations()).containsEntry(ScheduleRequests.REQUESTED_BY, "diagnose.v2");
        assertThat(schedule.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "kubeclaw");
        assertThat(schedule.getSpec().getInstanceRef()).isEqualTo("sre");
        assertThat(schedule.getSpec().getSchedule()).isEqualTo("@daily");
        assertThat(schedule.getSpec().getTask()).isEqualTo("check pods");
    }

    @Test
    void onlyScheduleRequestSubjectsAreParsed() {
        assertThat(EventSubjects.parseScheduleRequest("kubeclaw.team.sre.schedule.request")).isEqualTo(new EventSubjects.InstanceSubject("team", "sre"));
        assertThat(EventSubjects.parseScheduleRequest("kubeclaw.team.sre.run.r.result")).isNull();
        assertThat(EventSubjects.parseScheduleRequest("kubeclaw.team.sre.schedule.other")).isNull();
    }
}
