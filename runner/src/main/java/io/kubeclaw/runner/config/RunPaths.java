package io.kubeclaw.runner.config;

import io.kubeclaw.api.ipc.IpcLayout;
import java.nio.file.Path;

/** The pod's shared volumes as this process sees them: /ipc, /workspace, /skills (read-only), /memory (read-only). */
public record RunPaths(Path ipc, Path workspace, Path skills, Path memory) {

    public IpcLayout ipcLayout() {
        return new IpcLayout(ipc);
    }
}
