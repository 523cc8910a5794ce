package io.kubeclaw.rest.resources;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclaw.rest.problem.ProblemException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathNamesFilterTest {

    @ParameterizedTest
    @CsvSource({
            "team-a, sre-x7k2p",
            "a, a.b.c",
            "a123456789012345678901234567890123456789012345678901234567890bc, s",
    })
    void kubernetesNamesPass(String namespace, String name) {
        assertThatCode(() -> PathNamesFilter.check(parameters(namespace, name))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "team-a/../kube-system | x             | \"team-a/../kube-system\" is not a namespace name",
            "Team-A                | x             | \"Team-A\" is not a namespace name",
            "a1234567890123456789012345678901234567890123456789012345678901234 | x | is not a namespace name",
            "team-a                | ../secrets/x  | \"../secrets/x\" is not a resource name",
            "team-a                | x?watch=true  | \"x?watch=true\" is not a resource name",
            "team-a                | -x            | \"-x\" is not a resource name",
    })
    void anythingElseIs400SayingWhatANameIs(String namespace, String name, String message) {
        assertThatThrownBy(() -> PathNamesFilter.check(parameters(namespace, name)))
                .isInstanceOfSatisfying(ProblemException.class, e -> org.assertj.core.api.Assertions.assertThat(e.problem().status()).isEqualTo(400))
                .hasMessageContaining(message);
    }

    private static MultivaluedHashMap<String, String> parameters(String namespace, String name) {
        MultivaluedHashMap<String, String> parameters = new MultivaluedHashMap<>();
        parameters.add("namespace", namespace);
        parameters.add("name", name);
        return parameters;
    }
}
