package io.huida.engine.nlu.intent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The calibration split: a share of whole intents is held out (their examples play out-of-scope
 * messages), and of the remaining intents a share of examples is held out, always leaving each intent
 * at least one training example.
 */
final class Fold {

    enum Role { TRAIN, HELD_OUT, HELD_OUT_INTENT }

    private final Role[] roles;

    private Fold(Role[] roles) {
        this.roles = roles;
    }

    Role role(int example) {
        return roles[example];
    }

    /** True when nothing could be held out (too few examples to calibrate). */
    boolean isEmpty() {
        for (Role r : roles) {
            if (r != Role.TRAIN) {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits examples; whole intents are held out only when {@code holdOutIntents} (that is, when no real
     * out-of-scope examples were given to calibrate against).
     */
    static Fold split(List<String> labels, List<String> classes, double fraction, boolean holdOutIntents, Random random) {
        return split(labels, classes, fraction, holdOutIntents, null, random);
    }

    /**
     * As {@link #split(List, List, double, boolean, Random)}; all examples of {@code outOfScopeClass} (real
     * out-of-scope messages, which the final model learns as a class of their own) are held out to play
     * out-of-scope messages, so the threshold is judged on as many of them as there are.
     */
    static Fold split(List<String> labels, List<String> classes, double fraction, boolean holdOutIntents,
                      String outOfScopeClass, Random random) {
        Role[] roles = new Role[labels.size()];
        java.util.Arrays.fill(roles, Role.TRAIN);
        List<String> shuffled = new ArrayList<>(classes);
        Collections.shuffle(shuffled, random);
        Set<String> heldOutIntents = new HashSet<>();
        if (holdOutIntents && classes.size() >= 5) {
            heldOutIntents.addAll(shuffled.subList(0, Math.max(1, (int) Math.round(classes.size() * fraction))));
        }
        Map<String, List<Integer>> byClass = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            byClass.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(i);
        }
        for (String c : classes) {
            List<Integer> members = byClass.get(c);
            if (heldOutIntents.contains(c)) {
                members.forEach(i -> roles[i] = Role.HELD_OUT_INTENT);
                continue;
            }
            Collections.shuffle(members, random);
            if (c.equals(outOfScopeClass)) {
                members.forEach(i -> roles[i] = Role.HELD_OUT_INTENT);
                continue;
            }
            int holdOut = Math.min(members.size() - 1, (int) Math.round(members.size() * fraction));
            for (int k = 0; k < holdOut; k++) {
                roles[members.get(k)] = Role.HELD_OUT;
            }
        }
        return new Fold(roles);
    }
}
