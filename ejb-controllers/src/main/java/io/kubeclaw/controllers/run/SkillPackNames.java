package io.kubeclaw.controllers.run;

import io.kubeclaw.controllers.ownership.OwnedNames;

/** The ConfigMap a SkillPack's skills are published in, mounted into agent pods under /skills. */
public final class SkillPackNames {

    private SkillPackNames() {
    }

    public static String configMap(String skillPack) {
        return OwnedNames.bounded(skillPack, "-skills");
    }
}
