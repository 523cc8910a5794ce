package io.kubeclaw.rest.history;

import java.time.OffsetDateTime;

/** A line of a transcript. */
public record TranscriptLine(OffsetDateTime at, String role, String sender, String text, String runUid) {
}
