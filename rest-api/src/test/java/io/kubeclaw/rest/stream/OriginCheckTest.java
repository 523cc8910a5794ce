package io.kubeclaw.rest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginCheckTest {

    private final OriginCheck check = new OriginCheck(List.of("https://console.example.com", " http://localhost:8080/ "));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "none,                          true",
            "https://console.example.com,   true",
            "HTTPS://Console.Example.com/,  true",
            "http://localhost:8080,         true",
            "https://evil.example,          false",
            "https://console.example.com.evil.example, false",
            "http://console.example.com,    false",
            "null,                          false",
    })
    void onlyListedOriginsOrNoneAtAllMayConnect(String origin, boolean allowed) {
        assertThat(check.refusal(origin).isEmpty()).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"https://evil.example"})
    void aRefusalNamesTheOriginAndTheSettingThatWouldAllowIt(String origin) {
        assertThat(check.refusal(origin)).hasValue("origin \"https://evil.example\" is not in kubeclaw.api.allowed-origins: list it there "
                + "(environment KUBECLAW_API_ALLOWED_ORIGINS, comma-separated) to let pages from it use the API");
        assertThat(CloseReasons.fit(check.refusal(origin).orElseThrow())).isEqualTo("origin \"https://evil.example\" is not in kubeclaw.api.allowed-origins");
        assertThat(new OriginCheck(List.of()).refusal(origin)).isPresent();
        assertThat(new OriginCheck(List.of()).refusal(null)).isEmpty();
    }
}
