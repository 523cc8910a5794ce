package io.kubeclaw.rest.resources;

import io.kubeclaw.api.v1alpha1.ClawSchedule;
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
@Path("/namespaces/{namespace}/schedules")
@Tag(name = "schedules", description = "ClawSchedules: runs of an instance on a cron schedule")
public class SchedulesEndpoint extends CustomResourceEndpoint<ClawSchedule> {

    public SchedulesEndpoint() {
        super(ClawSchedule.class);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a schedule")
    public Response create(@PathParam("namespace") String namespace, ClawSchedule schedule, @Context UriInfo uri) {
        return createResource(namespace, schedule, uri);
    }
}
