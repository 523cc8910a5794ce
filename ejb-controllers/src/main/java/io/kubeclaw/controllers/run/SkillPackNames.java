package io.kubeclaw.controllers.run;

/** The ConfigMap a SkillPack's skills are published in, mounted into agent pods under /skills. */
public final class SkillPackNames {

    private SkillPackNames() {
    }

    public static String configMap(String skillPack) {
        return RunResourceNames.bounded(skillPack, "-skills");
    }
}
