package io.kubeclaw.controllers.skillpack;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.api.v1alpha1.skillpack.Skill;
import io.kubeclaw.controllers.run.SkillPackNames;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ConfigMap publishing a SkillPack's skills as {@code <skill>.md} files, mounted into agent pods under /skills. */
public final class SkillPackConfigMapBuilder {

    private SkillPackConfigMapBuilder() {
    }

    public static ConfigMap desired(SkillPack pack) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Skill skill : pack.getSpec().getSkills()) {
            files.put(skill.getName() + ".md", skill.getContent());
        }
        return new ConfigMapBuilder()
                .withNewMetadata()
                    .withName(SkillPackNames.configMap(pack.getMetadata().getName()))
                    .withNamespace(pack.getMetadata().getNamespace())
                    .addToLabels("app.kubernetes.io/managed-by", "kubeclaw")
                    .addToLabels("kubeclaw.io/skillpack", pack.getMetadata().getName())
                    .withOwnerReferences(new OwnerReferenceBuilder()
                            .withApiVersion(pack.getApiVersion()).withKind(pack.getKind())
                            .withName(pack.getMetadata().getName()).withUid(pack.getMetadata().getUid())
                            .withController(true).withBlockOwnerDeletion(true).build())
                .endMetadata()
                .withData(files)
                .build();
    }
}
