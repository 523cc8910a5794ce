package io.kubeclaw.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The component schemas built from the CRDs the api jar carries, as the server reads them. */
class CustomResourceSchemasTest {

    private static OpenAPI document;

    @BeforeAll
    static void addSchemas() {
        document = OASFactory.createOpenAPI();
        CustomResourceSchemas.add(document, ResourceKind.SERVED, CrdSchemaSource::openApiV3Schema);
    }

    @Test
    void eachKindIsItsCrdSchemaUnderTheFieldsEveryObjectHas() {
        for (ResourceKind kind : ResourceKind.SERVED) {
            JSONSchemaProps crd = CrdSchemaSource.openApiV3Schema(kind);
            Schema schema = schema(kind.name());

            assertThat(schema.getDescription()).as(kind.name()).isEqualTo(crd.getDescription());
            assertThat(schema.getProperties()).as(kind.name()).containsOnlyKeys("apiVersion", "kind", "metadata", "spec", "status");
            assertThat(schema.getProperties().get("apiVersion").getDefaultValue()).isEqualTo("kubeclaw.io/v1alpha1");
            assertThat(schema.getProperties().get("kind").getDefaultValue()).isEqualTo(kind.name());
            assertThat(schema.getProperties().get("metadata").getRef()).isEqualTo("#/components/schemas/ObjectMeta");
            Schema spec = schema.getProperties().get("spec");
            JSONSchemaProps crdSpec = crd.getProperties().get("spec");
            assertThat(spec.getProperties().keySet()).as(kind.name()).containsExactlyElementsOf(crdSpec.getProperties().keySet());
            assertThat(spec.getRequired() == null ? List.of() : spec.getRequired()).as(kind.name()).isEqualTo(crdSpec.getRequired());
            assertThat(schema.getProperties().get("status").getProperties().keySet()).as(kind.name())
                    .containsExactlyElementsOf(crd.getProperties().get("status").getProperties().keySet());
        }
    }

    @Test
    void aPageHoldsItsKindAndTheTokenOfTheNextPage() {
        Schema page = schema("ResourcePageAgentRun");

        assertThat(page.getProperties()).containsOnlyKeys("items", "continueToken");
        assertThat(page.getProperties().get("items").getType()).containsExactly(SchemaType.ARRAY);
        assertThat(page.getProperties().get("items").getItems().getRef()).isEqualTo("#/components/schemas/AgentRun");
        assertThat(page.getProperties().get("continueToken").getDescription()).startsWith("Pass as ?continue= to get the next page");
        assertThat(page.getRequired()).containsExactly("items");
    }

    @Test
    void enumsDefaultsAndBoundsOfASpecFieldSurvive() {
        Schema spec = schema("ClawSchedule").getProperties().get("spec");

        Schema concurrency = spec.getProperties().get("concurrencyPolicy");
        assertThat(concurrency.getEnumeration()).containsExactly("Allow", "Forbid", "Replace");
        assertThat(concurrency.getDefaultValue()).isEqualTo("Forbid");
        Schema failedRuns = spec.getProperties().get("failedRunsHistoryLimit");
        assertThat(failedRuns.getType()).containsExactly(SchemaType.INTEGER);
        assertThat(failedRuns.getMinimum()).isEqualTo(BigDecimal.ZERO);
        assertThat(failedRuns.getDefaultValue()).isEqualTo(1);
    }

    @Test
    void metadataTypesWhatAClientReadsAndSends() {
        Schema metadata = schema("ObjectMeta");

        assertThat(metadata.getProperties()).containsKeys("name", "namespace", "labels", "annotations", "resourceVersion", "uid", "creationTimestamp");
        assertThat(metadata.getProperties().get("labels").getAdditionalPropertiesSchema().getType()).containsExactly(SchemaType.STRING);
        assertThat(metadata.getProperties().get("uid").getReadOnly()).isTrue();
    }

    private static Schema schema(String name) {
        return document.getComponents().getSchemas().get(name);
    }
}
