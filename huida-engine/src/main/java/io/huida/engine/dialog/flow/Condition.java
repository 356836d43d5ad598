package io.huida.engine.dialog.flow;

import java.util.Map;
import java.util.Set;

/**
 * A condition on a flow's variables (slot values, fields mapped from business calls and customer attributes
 * such as {@code customer.segment} and {@code customer.vip}), e.g. {@code fault_type == 无法上网 and customer.vip == true}.
 */
public interface Condition {

    /** The condition that always holds (a step or slot without {@code when}). */
    Condition ALWAYS = new Condition() {
        @Override
        public boolean test(Map<String, String> variables) {
            return true;
        }

        @Override
        public String source() {
            return "";
        }
    };

    /** Whether the condition holds for {@code variables} (a missing variable is neither equal nor in a list). */
    boolean test(Map<String, String> variables);

    /** The condition as written in the flow file (empty for {@link #ALWAYS}). */
    String source();

    /** The variables the condition reads (empty for {@link #ALWAYS}); flow files are checked against them. */
    default Set<String> variables() {
        return Set.of();
    }
}
