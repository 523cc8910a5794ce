package io.kubeclaw.controllers.run;

/** How this deployment runs agent pods: the images it ships, the event bus, and how long finished Jobs stay. */
public record RunSettings(String runnerImage, String ipcBridgeImage, String sandboxImage, String eventBusUrl, int finishedJobTtlSeconds) {
}
