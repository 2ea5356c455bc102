package dk.fristed.workflow;

import dk.fristed.problem.ApiProblem;
import dk.fristed.validation.Fields;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A workflow's one transition table over its states and actions: which action leads from which state to
 * which, in the order they were allowed (the order clients are shown them), and the 409 for any other.
 */
public final class TransitionTable<S extends Enum<S>, A extends Enum<A>> {
    private final Map<S, Map<A, S>> table;
    private final Class<A> actions;
    private final String record;
    private final Function<A, String> hint;

    /**
     * @param record what a record is called in a refusal ("a referral")
     * @param hint   how an allowed action is named in a refusal (its wire name, or where to do it instead)
     */
    public TransitionTable(Class<S> states, Class<A> actions, String record, Function<A, String> hint) {
        this.table = new EnumMap<>(states);
        this.actions = actions;
        this.record = record;
        this.hint = hint;
    }

    public TransitionTable<S, A> allow(S from, A action, S to) {
        table.computeIfAbsent(from, s -> new EnumMap<>(actions)).put(action, to);
        return this;
    }

    /** The actions allowed in {@code state}, in the table's order. */
    public Set<A> allowed(S state) {
        return Collections.unmodifiableSet(table.getOrDefault(state, Map.of()).keySet());
    }

    /** The state {@code action} leads to from {@code state}; a 409 naming the current state and the allowed actions otherwise. */
    public S next(S state, A action) {
        S to = table.getOrDefault(state, Map.of()).get(action);
        if (to == null) {
            Set<A> allowed = allowed(state);
            throw ApiProblem.conflict(
                    record + " that is " + Fields.wireName(state) + " cannot take " + Fields.wireName(action)
                            + "; allowed: "
                            + (allowed.isEmpty()
                                    ? "none (it is final)"
                                    : allowed.stream().map(hint).collect(Collectors.joining(", "))));
        }
        return to;
    }
}
