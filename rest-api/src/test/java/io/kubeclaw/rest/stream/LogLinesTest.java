package io.kubeclaw.rest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogLinesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a\\nb\\n          | a,b
            a\\r\\nb\\r\\n    | a,b
            a\\n\\nb          | a,,b
            xyz               | xyz
            abcdefgh\\n       | abcd,efgh
            abcdefghij\\n     | abcd,efgh,ij
            abcd\\r\\nx       | abcd,x
            abcd\\n\\nx       | abcd,,x
            ''                | ''
            """)
    void linesArePassedOnAsTheyEndAndLongOnesInPieces(String log, String expected) throws IOException {
        List<String> lines = new ArrayList<>();
        LogLines.read(new ByteArrayInputStream(log.replace("\\n", "\n").replace("\\r", "\r").getBytes(StandardCharsets.UTF_8)), 4, lines::add);
        assertThat(lines).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected.split(",", -1)));
    }
}
