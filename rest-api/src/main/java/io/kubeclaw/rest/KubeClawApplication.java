package io.kubeclaw.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import io.kubeclaw.rest.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The KubeClaw REST API, rooted at /api; its OpenAPI document is served at /openapi. */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "KubeClaw API", version = "v1alpha1",
                description = "Instances, runs, policies, skills and schedules as the custom resources kubectl sees, plus run logs, "
                        + "memory, channels and pods. Every call needs a Kubernetes bearer token; it may do what the token's user "
                        + "may do with kubectl. Errors are application/problem+json."),
        security = @SecurityRequirement(name = "kubernetes"),
        // No method returns a Problem (the exception mappers send it), so the scanner would not list it.
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
@SecurityScheme(securitySchemeName = "kubernetes", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A Kubernetes token, e.g. from kubectl create token <serviceaccount>")
public class KubeClawApplication extends Application {
}
