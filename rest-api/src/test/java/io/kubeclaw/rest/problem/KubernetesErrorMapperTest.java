package io.kubeclaw.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class KubernetesErrorMapperTest {

    @Test
    void theApiserversStatusAndMessagePassThrough() {
        KubernetesClientException invalid = new KubernetesClientException(new StatusBuilder().withCode(422).withReason("Invalid")
                .withMessage("ClawInstance.kubeclaw.io \"x\" is invalid: spec.provider.name: Unsupported value: \"gpt\"").build());

        Problem problem = KubernetesErrorMapper.problemOf(invalid);

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.title()).isEqualTo("Unprocessable Content");
        assertThat(problem.reason()).isEqualTo("Invalid");
        assertThat(problem.detail()).isEqualTo("ClawInstance.kubeclaw.io \"x\" is invalid: spec.provider.name: Unsupported value: \"gpt\"");
    }

    @Test
    void anUnreachableApiserverIs503() {
        Problem problem = KubernetesErrorMapper.problemOf(new KubernetesClientException("Connection refused", new IOException("refused")));

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.detail()).startsWith("the Kubernetes API server could not be reached (Connection refused)");
    }
}
