package io.kubeclaw.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.rest.problem.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class OpenApiDocumentFilterTest {

    private static final String NS = "/api/namespaces/{namespace}";

    @Test
    void everyOperationOfEveryKindAnswersItsSchemaAndItsErrors() {
        OpenAPI document = ScannedDocument.ofTheApi();

        new OpenApiDocumentFilter().filterOpenAPI(document);

        assertThat(summary(document)).containsExactlyElementsOf(expected("""
                GET    /instances               -> 200 ResourcePageClawInstance | 400 401 403
                POST   /instances               ClawInstance -> 201 ClawInstance | 400 401 403 409 422
                DELETE /instances/{name}        -> 204 - | 401 403 404
                GET    /instances/{name}        -> 200 ClawInstance | 401 403 404
                PATCH  /instances/{name}        ClawInstance -> 200 ClawInstance | 400 401 403 404 409 422
                GET    /instances/{name}/memory -> 200 Memory | 401 403 404
                PUT    /instances/{name}/memory -> 200 Memory | 401 403 404 409
                GET    /policies                -> 200 ResourcePageClawPolicy | 400 401 403
                POST   /policies                ClawPolicy -> 201 ClawPolicy | 400 401 403 409 422
                DELETE /policies/{name}         -> 204 - | 401 403 404
                GET    /policies/{name}         -> 200 ClawPolicy | 401 403 404
                PATCH  /policies/{name}         ClawPolicy -> 200 ClawPolicy | 400 401 403 404 409 422
                GET    /runs                    -> 200 ResourcePageAgentRun | 400 401 403
                POST   /runs                    RunRequest -> 201 AgentRun | 400 401 403 409 422
                DELETE /runs/{name}             -> 204 - | 401 403 404
                GET    /runs/{name}             -> 200 AgentRun | 401 403 404
                PATCH  /runs/{name}             AgentRun -> 200 AgentRun | 400 401 403 404 409 422
                GET    /schedules               -> 200 ResourcePageClawSchedule | 400 401 403
                POST   /schedules               ClawSchedule -> 201 ClawSchedule | 400 401 403 409 422
                DELETE /schedules/{name}        -> 204 - | 401 403 404
                GET    /schedules/{name}        -> 200 ClawSchedule | 401 403 404
                PATCH  /schedules/{name}        ClawSchedule -> 200 ClawSchedule | 400 401 403 404 409 422
                GET    /skills                  -> 200 ResourcePageSkillPack | 400 401 403
                POST   /skills                  SkillPack -> 201 SkillPack | 400 401 403 409 422
                DELETE /skills/{name}           -> 204 - | 401 403 404
                GET    /skills/{name}           -> 200 SkillPack | 401 403 404
                PATCH  /skills/{name}           SkillPack -> 200 SkillPack | 400 401 403 404 409 422
                GET    /api/version             -> 200 object | 401
                """));
    }

    @Test
    void everyErrorAndOnlyAnErrorIsAProblemAndEveryPlaceholderAPathParameter() {
        OpenAPI document = ScannedDocument.ofTheApi();

        new OpenApiDocumentFilter().filterOpenAPI(document);

        document.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            operation.getResponses().getAPIResponses().forEach((code, response) -> {
                if (code.startsWith("4")) {
                    assertThat(response.getContent().getMediaTypes()).as(method + " " + path + " " + code).containsOnlyKeys(Problem.MEDIA_TYPE);
                    assertThat(response.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
                    assertThat(response.getDescription()).as(method + " " + path + " " + code).isNotBlank();
                } else if (response.getContent() != null) {
                    assertThat(response.getContent().getMediaTypes()).as(method + " " + path + " " + code).doesNotContainKey(Problem.MEDIA_TYPE);
                }
            });
            assertThat(List.copyOf(operation.getResponses().getAPIResponses().keySet())).as(method + " " + path).isSorted();
            assertThat(operation.getParameters() == null ? List.of() : operation.getParameters()).extracting(p -> p.getName())
                    .as(method + " " + path).containsExactlyElementsOf(placeholders(path));
        }));
    }

    @Test
    void aDescriptionTheEndpointGaveAnErrorIsKept() {
        OpenAPI document = ScannedDocument.ofTheApi();

        new OpenApiDocumentFilter().filterOpenAPI(document);

        assertThat(document.getPaths().getPathItem(NS + "/runs/{name}").getPATCH().getResponses().getAPIResponse("422").getDescription())
                .isEqualTo("invalid");
        assertThat(document.getPaths().getPathItem(NS + "/runs/{name}").getGET().getResponses().getAPIResponse("404").getDescription())
                .isEqualTo("scanned");
    }

    /** One line per operation as a generated client sees it: request body, success answer, error statuses. */
    private static List<String> summary(OpenAPI document) {
        List<String> lines = new ArrayList<>();
        document.getPaths().getPathItems().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(path ->
                path.getValue().getOperations().entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().name()))
                        .forEach(op -> lines.add(line(op.getKey(), path.getKey(), op.getValue()))));
        return lines;
    }

    private static String line(HttpMethod method, String path, Operation operation) {
        String body = operation.getRequestBody() == null ? "" : schemaName(operation.getRequestBody().getContent()) + " ";
        Map.Entry<String, APIResponse> success = operation.getResponses().getAPIResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2")).collect(Collectors.collectingAndThen(Collectors.toList(), List::getFirst));
        String errors = operation.getResponses().getAPIResponses().keySet().stream().filter(code -> !code.startsWith("2")).sorted()
                .collect(Collectors.joining(" "));
        return method + " " + path.replace(NS, "") + " " + body + "-> " + success.getKey() + " " + schemaName(success.getValue().getContent())
                + " | " + errors;
    }

    private static String schemaName(Content content) {
        if (content == null) {
            return "-";
        }
        var schema = content.getMediaTypes().values().iterator().next().getSchema();
        return schema.getRef() != null ? schema.getRef().replace("#/components/schemas/", "") : schema.getType().getFirst().toString();
    }

    private static List<String> expected(String table) {
        return table.lines().map(line -> line.replaceAll(" +", " ").strip()).toList();
    }

    private static List<String> placeholders(String path) {
        return java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path).results().map(m -> m.group(1)).toList();
    }
}
