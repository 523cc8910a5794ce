package io.kubeclaw.rest.resources;

import io.kubeclaw.api.v1alpha1.SkillPack;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("/namespaces/{namespace}/skills")
@Tag(name = "skills", description = "SkillPacks: skills (instructions) and their tool sidecars with RBAC")
public class SkillsEndpoint extends CustomResourceEndpoint<SkillPack> {

    public SkillsEndpoint() {
        super(SkillPack.class);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a SkillPack")
    public Response create(@PathParam("namespace") String namespace, SkillPack skillPack, @Context UriInfo uri) {
        return createResource(namespace, skillPack, uri);
    }
}
