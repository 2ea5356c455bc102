package dk.fristed.referrals.referral;

import dk.fristed.problem.ApiProblem;
import dk.fristed.records.referral.ReferralState;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every pair of state and action: the legal ones lead where the issue says, every other is a 409 naming the allowed ones. */
class ReferralWorkflowTest {
    /** The referral's life as the clinics described it, written out independently of the table under test. */
    private static final Map<ReferralState, Map<Action, ReferralState>> EXPECTED = new EnumMap<>(ReferralState.class);

    static {
        expect(ReferralState.DRAFTED, Action.SEND, ReferralState.SENT);
        expect(ReferralState.SENT, Action.ACCEPT, ReferralState.ACCEPTED);
        expect(ReferralState.SENT, Action.REJECT, ReferralState.REJECTED);
        expect(ReferralState.ACCEPTED, Action.BOOK_APPOINTMENT, ReferralState.APPOINTMENT_BOOKED);
        expect(ReferralState.APPOINTMENT_BOOKED, Action.COMPLETE, ReferralState.COMPLETED);
        expect(ReferralState.APPOINTMENT_BOOKED, Action.NOT_ATTENDED, ReferralState.NOT_ATTENDED);
        expect(ReferralState.REJECTED, Action.FILE_COMPLAINT, ReferralState.COMPLAINT_FILED);
        expect(ReferralState.REJECTED, Action.REFER_AGAIN, ReferralState.REFERRED_AGAIN);
        expect(ReferralState.REJECTED, Action.CLOSE, ReferralState.CLOSED);
        expect(ReferralState.COMPLAINT_FILED, Action.UPHOLD_COMPLAINT, ReferralState.ACCEPTED);
        expect(ReferralState.COMPLAINT_FILED, Action.DISMISS_COMPLAINT, ReferralState.CLOSED);
        for (ReferralState open : Set.of(
                ReferralState.DRAFTED,
                ReferralState.SENT,
                ReferralState.ACCEPTED,
                ReferralState.APPOINTMENT_BOOKED,
                ReferralState.REJECTED,
                ReferralState.COMPLAINT_FILED)) {
            expect(open, Action.CANCEL, ReferralState.CANCELLED);
        }
    }

    private static void expect(ReferralState from, Action action, ReferralState to) {
        EXPECTED.computeIfAbsent(from, s -> new EnumMap<>(Action.class)).put(action, to);
    }

    @Test
    void everyStateAndAction_legalOnesMove_illegalOnesAre409NamingStateAndAllowed() {
        int legal = 0;
        int illegal = 0;
        for (ReferralState state : ReferralState.values()) {
            Map<Action, ReferralState> allowed = EXPECTED.getOrDefault(state, Map.of());
            assertEquals(allowed.keySet(), ReferralWorkflow.TRANSITIONS.allowed(state), state.name());
            for (Action action : Action.values()) {
                if (allowed.containsKey(action)) {
                    assertEquals(
                            allowed.get(action),
                            ReferralWorkflow.TRANSITIONS.next(state, action),
                            state + " + " + action);
                    legal++;
                } else {
                    ApiProblem problem =
                            assertThrows(ApiProblem.class, () -> ReferralWorkflow.TRANSITIONS.next(state, action));
                    assertEquals(409, problem.status());
                    assertTrue(problem.detail().contains(state.name().toLowerCase()), problem.detail());
                    allowed.keySet()
                            .forEach(a -> assertTrue(
                                    problem.detail().contains(a.name().toLowerCase()), problem.detail()));
                    illegal++;
                }
            }
        }
        assertEquals(17, legal);
        assertEquals(ReferralState.values().length * Action.values().length - 17, illegal);
    }

    @Test
    void onlyOpenStates_canBeCancelled_andFinalStatesAllowNothing() {
        for (ReferralState state : ReferralState.values()) {
            assertEquals(
                    state.open(), ReferralWorkflow.TRANSITIONS.allowed(state).contains(Action.CANCEL), state.name());
            assertEquals(
                    !state.open(), ReferralWorkflow.TRANSITIONS.allowed(state).isEmpty(), state.name());
        }
    }
}
