package dk.fristed.referrals.referral;

import dk.fristed.http.ApiProblem;
import dk.fristed.validation.Fields;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dk.fristed.referrals.referral.Action.ACCEPT;
import static dk.fristed.referrals.referral.Action.BOOK_APPOINTMENT;
import static dk.fristed.referrals.referral.Action.CANCEL;
import static dk.fristed.referrals.referral.Action.CLOSE;
import static dk.fristed.referrals.referral.Action.COMPLETE;
import static dk.fristed.referrals.referral.Action.DISMISS_COMPLAINT;
import static dk.fristed.referrals.referral.Action.FILE_COMPLAINT;
import static dk.fristed.referrals.referral.Action.REFER_AGAIN;
import static dk.fristed.referrals.referral.Action.REJECT;
import static dk.fristed.referrals.referral.Action.SEND;
import static dk.fristed.referrals.referral.Action.UPHOLD_COMPLAINT;
import static dk.fristed.referrals.referral.ReferralState.ACCEPTED;
import static dk.fristed.referrals.referral.ReferralState.APPOINTMENT_BOOKED;
import static dk.fristed.referrals.referral.ReferralState.CANCELLED;
import static dk.fristed.referrals.referral.ReferralState.CLOSED;
import static dk.fristed.referrals.referral.ReferralState.COMPLAINT_FILED;
import static dk.fristed.referrals.referral.ReferralState.COMPLETED;
import static dk.fristed.referrals.referral.ReferralState.DRAFTED;
import static dk.fristed.referrals.referral.ReferralState.REFERRED_AGAIN;
import static dk.fristed.referrals.referral.ReferralState.REJECTED;
import static dk.fristed.referrals.referral.ReferralState.SENT;

/** The one transition table of a referral's life; README shows it as a table. */
public final class ReferralWorkflow {
    private static final Map<ReferralState, Map<Action, ReferralState>> TABLE = new EnumMap<>(ReferralState.class);

    static {
        allow(DRAFTED, SEND, SENT);
        allow(SENT, ACCEPT, ACCEPTED);
        allow(SENT, REJECT, REJECTED);
        allow(ACCEPTED, BOOK_APPOINTMENT, APPOINTMENT_BOOKED);
        allow(APPOINTMENT_BOOKED, COMPLETE, COMPLETED);
        allow(APPOINTMENT_BOOKED, Action.NOT_ATTENDED, ReferralState.NOT_ATTENDED);
        allow(REJECTED, FILE_COMPLAINT, COMPLAINT_FILED);
        allow(REJECTED, REFER_AGAIN, REFERRED_AGAIN);
        allow(REJECTED, CLOSE, CLOSED);
        allow(COMPLAINT_FILED, UPHOLD_COMPLAINT, ACCEPTED);
        allow(COMPLAINT_FILED, DISMISS_COMPLAINT, CLOSED);
        for (ReferralState state : ReferralState.values()) {
            if (state.open()) {
                allow(state, CANCEL, CANCELLED);
            }
        }
    }

    private ReferralWorkflow() {
    }

    private static void allow(ReferralState from, Action action, ReferralState to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(Action.class)).put(action, to);
    }

    /** The actions allowed in {@code state}, in the table's order. */
    public static Set<Action> allowed(ReferralState state) {
        return Collections.unmodifiableSet(TABLE.getOrDefault(state, Map.of()).keySet());
    }

    /** The state {@code action} leads to from {@code state}; a 409 naming the current state and the allowed actions otherwise. */
    public static ReferralState next(ReferralState state, Action action) {
        ReferralState to = TABLE.getOrDefault(state, Map.of()).get(action);
        if (to == null) {
            Set<Action> allowed = allowed(state);
            throw ApiProblem.conflict("a referral that is " + Fields.wireName(state) + " cannot take " + Fields.wireName(action)
                    + "; allowed: " + (allowed.isEmpty() ? "none (it is final)" : allowed.stream()
                    .map(a -> a == Action.REFER_AGAIN ? "refer_again (POST /referrals with replaces)" : Fields.wireName(a))
                    .collect(Collectors.joining(", "))));
        }
        return to;
    }
}
