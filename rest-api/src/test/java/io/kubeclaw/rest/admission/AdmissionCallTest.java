package io.kubeclaw.rest.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.rest.json.JacksonJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdmissionCallTest {

    private static final String REVIEW = """
            {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {
              "uid": "705ab4f5-6393-11e8-b7cc-42010a800002",
              "resource": {"group": "kubeclaw.io", "version": "v1alpha1", "resource": "agentruns"},
              "operation": "CREATE", "namespace": "team",
              "userInfo": {"username": "system:serviceaccount:team:dev", "uid": "u-1", "groups": ["system:serviceaccounts", "system:authenticated"],
                           "extra": {"authentication.kubernetes.io/pod-name": ["p"]}},
              "object": {"apiVersion": "kubeclaw.io/v1alpha1", "kind": "AgentRun", "metadata": {"name": "r", "namespace": "team",
                         "managedFields": [{"manager": "kubectl"}]},
                         "spec": {"instanceRef": "guarded", "task": "t", "futureField": 1}},
              "oldObject": null, "dryRun": false}}
            """;

    @Test
    void aReviewReadsAsWhoDoesWhatToWhichObject() throws Exception {
        AdmissionCall call = AdmissionCall.of(JacksonJson.MAPPER.readTree(REVIEW));

        assertThat(call.uid()).isEqualTo("705ab4f5-6393-11e8-b7cc-42010a800002");
        assertThat(call.resource()).isEqualTo("agentruns");
        assertThat(call.operation()).isEqualTo("CREATE");
        assertThat(call.user().username()).isEqualTo("system:serviceaccount:team:dev");
        assertThat(call.user().groups()).containsExactly("system:serviceaccounts", "system:authenticated");
        assertThat(call.user().extra()).containsEntry("authentication.kubernetes.io/pod-name", List.of("p"));
        assertThat(call.object(AgentRun.class).getSpec().getInstanceRef()).as("fields a newer CRD adds are ignored").isEqualTo("guarded");
        assertThat(call.oldObject()).isNull();
    }

    @Test
    void theAnswerCarriesTheUidTheDenialAndThePatch() throws Exception {
        AdmissionCall call = AdmissionCall.of(JacksonJson.MAPPER.readTree(REVIEW));

        JsonNode denied = JacksonJson.MAPPER.valueToTree(call.answer(Verdict.deny("AgentRun \"r\" denied: because")));
        assertThat(denied.at("/apiVersion").asText()).isEqualTo("admission.k8s.io/v1");
        assertThat(denied.at("/response/uid").asText()).isEqualTo(call.uid());
        assertThat(denied.at("/response/allowed").asBoolean()).isFalse();
        assertThat(denied.at("/response/status/code").asInt()).isEqualTo(403);
        assertThat(denied.at("/response/status/message").asText()).isEqualTo("AgentRun \"r\" denied: because");

        JsonNode patched = JacksonJson.MAPPER.valueToTree(call.answer(Verdict.patched(List.of(Verdict.add("/spec/sandbox", Map.of("enabled", true))))));
        assertThat(patched.at("/response/allowed").asBoolean()).isTrue();
        assertThat(patched.at("/response/patchType").asText()).isEqualTo("JSONPatch");
        assertThat(new String(Base64.getDecoder().decode(patched.at("/response/patch").asText()), StandardCharsets.UTF_8))
                .isEqualTo("[{\"op\":\"add\",\"path\":\"/spec/sandbox\",\"value\":{\"enabled\":true}}]");
    }

    @Test
    void aBodyThatIsNoReviewIsRefusedSayingSo() throws Exception {
        assertThatThrownBy(() -> AdmissionCall.of(JacksonJson.MAPPER.readTree("{\"kind\": \"Pod\"}")))
                .hasMessage("not an AdmissionReview request: the body has no request.uid");
    }
}
