package io.kubeclaw.controllers.skillpack;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.api.v1alpha1.skillpack.Skill;
import io.kubeclaw.controllers.ownership.OwnedMetadata;
import io.kubeclaw.controllers.run.SkillPackNames;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ConfigMap publishing a SkillPack's skills as {@code <skill>.md} files, mounted into agent pods under /skills. */
public final class SkillPackConfigMapBuilder {

    /** Names the SkillPack a ConfigMap publishes; the reconciler watches ConfigMaps by it. */
    public static final String SKILLPACK_LABEL = "kubeclaw.io/skillpack";

    private SkillPackConfigMapBuilder() {
    }

    public static ConfigMap desired(SkillPack pack) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Skill skill : pack.getSpec().getSkills()) {
            files.put(skill.getName() + ".md", skill.getContent());
        }
        return new ConfigMapBuilder()
                .withMetadata(OwnedMetadata.controlledBy(pack, SkillPackNames.configMap(pack.getMetadata().getName()),
                        Map.of(SKILLPACK_LABEL, pack.getMetadata().getName())))
                .withData(files)
                .build();
    }
}
