package io.kubeclaw.api.crd;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.ClawSchedule;
import io.kubeclaw.api.v1alpha1.SkillPack;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Build step run right after fabric8's CRD generator: adds what generator 7.5.2 cannot express, so that
 * {@code kubectl explain} describes each kind and {@code kubectl get} shows columns in the declared order.
 */
public final class CrdFinisher {

    /** The kinds whose generated CRDs are finished. */
    public static final List<Class<? extends CustomResource<?, ?>>> KINDS =
            List.of(ClawInstance.class, AgentRun.class, ClawPolicy.class, SkillPack.class, ClawSchedule.class);

    private static final String HEADER = "# Generated from the io.kubeclaw.api.v1alpha1 classes; do not edit. Change the classes and run k8s/scripts/update-crds.sh.\n";

    private CrdFinisher() {
    }

    /** Rewrites the generated CRD files in the directory given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CrdFinisher <directory of the generated CRD YAML>");
        }
        Path directory = Path.of(args[0]);
        for (Class<? extends CustomResource<?, ?>> kind : KINDS) {
            Path file = directory.resolve(generatedFileName(kind));
            CustomResourceDefinition crd = Serialization.unmarshal(Files.readString(file), CustomResourceDefinition.class);
            finish(crd, kind);
            Files.writeString(file, HEADER + Serialization.asYaml(crd));
        }
    }

    /** The name fabric8's generator gives the v1 CRD file of a kind, e.g. {@code clawinstances.kubeclaw.io-v1.yml}. */
    public static String generatedFileName(Class<? extends HasMetadata> kind) {
        return HasMetadata.getPlural(kind) + "." + HasMetadata.getGroup(kind) + "-v1.yml";
    }

    /** Applies descriptions and column order to a generated CRD; idempotent. */
    static void finish(CustomResourceDefinition crd, Class<? extends CustomResource<?, ?>> kind) {
        for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
            JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
            root.setDescription(describe(kind));
            ParameterizedType specAndStatus = (ParameterizedType) kind.getGenericSuperclass();
            describeProperty(root, "spec", (Class<?>) specAndStatus.getActualTypeArguments()[0]);
            describeProperty(root, "status", (Class<?>) specAndStatus.getActualTypeArguments()[1]);
            orderColumnsAsDeclared(version, kind);
        }
    }

    private static void describeProperty(JSONSchemaProps parent, String property, Class<?> type) {
        JSONSchemaProps schema = parent.getProperties().get(property);
        if (schema != null && schema.getDescription() == null) {
            schema.setDescription(describe(type));
        }
    }

    private static String describe(Class<?> type) {
        JsonClassDescription description = type.getAnnotation(JsonClassDescription.class);
        if (description == null) {
            throw new IllegalStateException(type.getName() + " needs a @JsonClassDescription for kubectl explain");
        }
        return description.value();
    }

    // The generator sorts columns by JSON path, which would put AGE first.
    private static void orderColumnsAsDeclared(CustomResourceDefinitionVersion version, Class<?> kind) {
        List<String> declared = Arrays.stream(kind.getAnnotationsByType(AdditionalPrinterColumn.class))
                .map(AdditionalPrinterColumn::jsonPath)
                .toList();
        List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
        if (columns != null) {
            columns.sort(Comparator.comparingInt(column -> declared.indexOf(column.getJsonPath())));
        }
    }
}
