package io.kubeclaw.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** What API version this server speaks, so clients can check before they call. */
@Path("/version")
public class VersionResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> version() {
        return Map.of("group", "kubeclaw.io", "version", "v1alpha1");
    }
}
