package io.kubeclaw.rest.openapi;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.kubeclaw.rest.KubeClawApplication;
import io.kubeclaw.rest.resources.CustomResourceEndpoint;
import io.kubeclaw.rest.resources.InstancesEndpoint;
import io.kubeclaw.rest.resources.PoliciesEndpoint;
import io.kubeclaw.rest.resources.ResourcePage;
import io.kubeclaw.rest.resources.RunsEndpoint;
import io.kubeclaw.rest.resources.SchedulesEndpoint;
import io.kubeclaw.rest.resources.SkillsEndpoint;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import java.lang.reflect.ParameterizedType;
import java.util.List;

/**
 * A custom resource kind as the OpenAPI document shows it: the path of its collection (e.g.
 * {@code /api/namespaces/{namespace}/runs}) and its class (e.g. AgentRun).
 */
public record ResourceKind(String collectionPath, Class<? extends CustomResource<?, ?>> type) {

    /**
     * Every kind the API serves. Read off the endpoints themselves (their {@code @Path} and type argument), so
     * renaming a path or adding a kind cannot leave the document behind.
     */
    public static final List<ResourceKind> SERVED = List.of(InstancesEndpoint.class, RunsEndpoint.class,
            PoliciesEndpoint.class, SkillsEndpoint.class, SchedulesEndpoint.class).stream().map(ResourceKind::of).toList();

    /** The kind an endpoint serves, at the path the document lists it under (the application path included). */
    @SuppressWarnings("unchecked")
    static ResourceKind of(Class<? extends CustomResourceEndpoint<?>> endpoint) {
        String root = KubeClawApplication.class.getAnnotation(ApplicationPath.class).value();
        String path = endpoint.getAnnotation(Path.class).value();
        var type = (Class<? extends CustomResource<?, ?>>) ((ParameterizedType) endpoint.getGenericSuperclass()).getActualTypeArguments()[0];
        return new ResourceKind(join(root, path), type);
    }

    /** The kind's name, which is also the name of its schema: {@code AgentRun}. */
    public String name() {
        return HasMetadata.getKind(type);
    }

    /**
     * The name of the schema of one page of a list of this kind, {@code ResourcePageAgentRun}: the name the
     * scanner gives {@code ResourcePage<AgentRun>}, so the typed page replaces its untyped one.
     */
    public String pageName() {
        return ResourcePage.class.getSimpleName() + name();
    }

    public String itemPath() {
        return collectionPath + "/{name}";
    }

    private static String join(String root, String path) {
        return "/" + strip(root) + "/" + strip(path);
    }

    private static String strip(String segment) {
        return segment.replaceAll("^/+|/+$", "");
    }
}
