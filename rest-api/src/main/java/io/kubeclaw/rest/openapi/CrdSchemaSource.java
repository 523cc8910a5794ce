package io.kubeclaw.rest.openapi;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeclaw.api.crd.CrdFinisher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The openAPIV3Schema of a kind's CRD, read from the api jar, where the build put the CRD generated (and
 * finished by {@link CrdFinisher}) from the very classes the server serializes. That jar sits in the EAR's
 * lib beside those classes, so the schema can neither drift from them nor go missing; k8s/crds holds a
 * committed copy of the same YAML for kubectl, which would have to be copied across modules into the war.
 */
public final class CrdSchemaSource {

    private CrdSchemaSource() {
    }

    public static JSONSchemaProps openApiV3Schema(ResourceKind kind) {
        String resource = "META-INF/fabric8/" + CrdFinisher.generatedFileName(kind.type());
        try (InputStream yaml = kind.type().getClassLoader().getResourceAsStream(resource)) {
            if (yaml == null) {
                throw new IllegalStateException(resource + " is missing from the jar of " + kind.type().getName()
                        + ": the api module's crd-generator did not run in its build");
            }
            CustomResourceDefinition crd = Serialization.unmarshal(yaml, CustomResourceDefinition.class);
            String version = HasMetadata.getVersion(kind.type());
            return crd.getSpec().getVersions().stream().filter(v -> version.equals(v.getName())).findFirst()
                    .map(CustomResourceDefinitionVersion::getSchema)
                    .orElseThrow(() -> new IllegalStateException(resource + " has no version " + version))
                    .getOpenAPIV3Schema();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }
}
