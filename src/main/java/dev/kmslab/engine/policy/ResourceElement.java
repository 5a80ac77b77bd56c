package dev.kmslab.engine.policy;

import java.util.ArrayList;
import java.util.List;

/** A statement's Resource or NotResource element; in a key policy it is {@code *}, meaning the key itself. */
public record ResourceElement(boolean negated, List<String> patterns, List<Glob> globs, SourcePosition position) {

    public ResourceElement {
        patterns = List.copyOf(patterns);
        globs = List.copyOf(globs);
    }

    public static ResourceElement of(boolean negated, List<String> patterns, SourcePosition position) {
        List<Glob> globs = new ArrayList<>();
        for (String pattern : patterns) {
            globs.add(Glob.of(pattern, false));
        }
        return new ResourceElement(negated, patterns, globs, position);
    }

    public boolean matches(String keyArn) {
        boolean listed = false;
        for (int i = 0; i < globs.size() && !listed; i++) {
            listed = globs.get(i).matches(keyArn);
        }
        return negated != listed;
    }

    public String describe() {
        return (negated ? "NotResource " : "Resource ") + patterns;
    }
}
