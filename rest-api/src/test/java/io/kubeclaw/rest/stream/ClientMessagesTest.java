package io.kubeclaw.rest.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclaw.rest.stream.ClientMessage.Subscribe;
import io.kubeclaw.rest.stream.ClientMessage.Unsubscribe;
import io.kubeclaw.rest.stream.ClientMessages.InvalidMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientMessagesTest {

    @Test
    void aRunsSubscriptionMayResumeAfterAnEventIdGivenAsNumberOrString() {
        assertThat(ClientMessages.parse("{\"subscribe\":\"runs\",\"namespace\":\"team-a\"}"))
                .isEqualTo(new Subscribe(Topic.runs("team-a"), null, null));
        assertThat(ClientMessages.parse("{\"subscribe\":\"runs\",\"namespace\":\"team-a\",\"after\":42}"))
                .isEqualTo(new Subscribe(Topic.runs("team-a"), 42L, null));
        assertThat(ClientMessages.parse("{\"subscribe\":\"runs\",\"namespace\":\"team-a\",\"after\":\"0\"}"))
                .isEqualTo(new Subscribe(Topic.runs("team-a"), 0L, null));
    }

    @Test
    void resourcesNameTheirKindAndLogsTheirRun() {
        assertThat(ClientMessages.parse("{\"subscribe\":\"resources\",\"namespace\":\"team-a\",\"kind\":\"schedules\"}"))
                .isEqualTo(new Subscribe(Topic.resources("team-a", ResourceKind.SCHEDULES), null, null));
        assertThat(ClientMessages.parse("{\"subscribe\":\"logs\",\"namespace\":\"team-a\",\"run\":\"sre-x7.retry\",\"tailLines\":20}"))
                .isEqualTo(new Subscribe(Topic.logs("team-a", "sre-x7.retry"), null, 20));
        assertThat(ClientMessages.parse("{\"unsubscribe\":\"logs\",\"namespace\":\"team-a\",\"run\":\"r\"}"))
                .isEqualTo(new Unsubscribe(Topic.logs("team-a", "r")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"subscribe":                                           | the message is not JSON (Unexpected end-of-input
            [1,2]                                                   | the message is not a JSON object: send {"subscribe": "runs", "namespace": "<namespace>"}
            {"namespace":"a"}                                       | a message has either "subscribe" or "unsubscribe"
            {"subscribe":"runs","unsubscribe":"runs"}               | a message has either "subscribe" or "unsubscribe"
            {"subscribe":"events","namespace":"a"}                  | there is no feed "events" to subscribe to: use one of runs, resources, logs
            {"subscribe":7,"namespace":"a"}                         | "subscribe" is a string, not 7
            {"subscribe":"runs"}                                    | "namespace" is required: which namespace's runs to follow
            {"subscribe":"runs","namespace":"*"}                    | "*" is not a namespace name
            {"subscribe":"runs","namespace":"a.b"}                  | "a.b" is not a namespace name
            {"subscribe":"runs","namespace":"a","since":"1"}        | unknown field "since": a message has subscribe or unsubscribe, namespace
            {"subscribe":"runs","namespace":"a","after":-1}         | "after" is the id of the last event received, such as "42", not -1
            {"subscribe":"runs","namespace":"a","after":"x"}        | "after" is the id of the last event received, such as "42", not "x"
            {"subscribe":"runs","namespace":"a","after":1.5}        | "after" is the id of the last event received, such as "42", not 1.5
            {"subscribe":"runs","namespace":"a","kind":"runs"}      | "kind" does not apply to runs
            {"subscribe":"resources","namespace":"a"}               | "kind" is required for resources: one of instances, runs, policies, skills, schedules
            {"subscribe":"resources","namespace":"a","kind":"pods"} | there is no kind "pods": use one of instances, runs, policies, skills, schedules
            {"subscribe":"logs","namespace":"a"}                    | "run" is required for logs
            {"subscribe":"logs","namespace":"a","run":"r>"}         | "r>" is not a run name
            {"subscribe":"logs","namespace":"a","run":"r","after":1}| "after" does not apply to logs
            {"subscribe":"logs","namespace":"a","run":"r","tailLines":-3} | "tailLines" is a number of lines, 0 or more, not -3
            {"unsubscribe":"runs","namespace":"a","after":1}        | "after" does not apply to runs
            """)
    void aMessageThatCannotBeActedOnSaysWhatToSend(String message, String error) {
        assertThatThrownBy(() -> ClientMessages.parse(message)).isInstanceOf(InvalidMessage.class).hasMessageStartingWith(error.strip());
    }
}
