package io.kubeclaw.rest.resources;

/** A whole new memory; with the resourceVersion it was based on, the write is refused if the memory changed since. */
public record MemoryEdit(String content, String resourceVersion) {
}
