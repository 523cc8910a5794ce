package io.kubeclaw.rest.resources;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list; {@code continueToken} fetches the next one and is absent on the last page. */
public record ResourcePage<T>(
        List<T> items,
        @Schema(description = "Pass as ?continue= to get the next page; absent on the last page.") String continueToken) {
}
