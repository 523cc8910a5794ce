package io.kubeclaw.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The KubeClaw REST API, rooted at /api. */
@ApplicationPath("/api")
public class KubeClawApplication extends Application {
}
