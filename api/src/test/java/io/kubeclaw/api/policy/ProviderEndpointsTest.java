package io.kubeclaw.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawInstanceSpec;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.ClawPolicySpec;
import io.kubeclaw.api.v1alpha1.instance.ProviderSpec;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderEndpointsTest {

    @ParameterizedTest(name = "{0} under {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                                     | https://llm.example.com/v1 | true
            https://llm.example.com/v1            | -                          | true
            https://llm.example.com/v1            | https://llm.example.com/v1 | true
            https://llm.example.com/v1/chat       | https://llm.example.com/v1 | true
            https://llm.example.com/v1/           | https://llm.example.com/v1 | true
            https://llm.example.com/v10           | https://llm.example.com/v1 | false
            https://llm.example.com.evil/v1       | https://llm.example.com    | false
            https://collector.attacker.example/v1 | https://llm.example.com/   | false
            """)
    void aProvidersKeyGoesOnlyWhereThePolicyAllows(String baseUrl, String allowed, boolean ok) {
        ClawInstance instance = new ClawInstance();
        instance.setMetadata(new ObjectMetaBuilder().withName("sre").withNamespace("team").build());
        instance.setSpec(new ClawInstanceSpec());
        ProviderSpec provider = new ProviderSpec();
        provider.setBaseURL(baseUrl);
        instance.getSpec().setProvider(provider);
        ClawPolicy policy = new ClawPolicy();
        policy.setMetadata(new ObjectMetaBuilder().withName("egress").withNamespace("team").build());
        policy.setSpec(new ClawPolicySpec());
        policy.getSpec().setAllowedProviderURLs(allowed == null ? null : List.of(allowed));

        assertThat(ProviderEndpoints.problem(instance, policy).isEmpty()).isEqualTo(ok);
        if (!ok) {
            assertThat(ProviderEndpoints.problem(instance, policy).orElseThrow())
                    .startsWith("spec.provider.baseURL " + baseUrl + " is not among ClawPolicy \"egress\" allowedProviderURLs");
        }
    }
}
