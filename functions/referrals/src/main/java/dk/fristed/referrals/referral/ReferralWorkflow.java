package dk.fristed.referrals.referral;

import dk.fristed.records.referral.ReferralState;
import dk.fristed.validation.Fields;
import dk.fristed.workflow.TransitionTable;

import java.util.Set;

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
import static dk.fristed.records.referral.ReferralState.ACCEPTED;
import static dk.fristed.records.referral.ReferralState.APPOINTMENT_BOOKED;
import static dk.fristed.records.referral.ReferralState.CANCELLED;
import static dk.fristed.records.referral.ReferralState.CLOSED;
import static dk.fristed.records.referral.ReferralState.COMPLAINT_FILED;
import static dk.fristed.records.referral.ReferralState.COMPLETED;
import static dk.fristed.records.referral.ReferralState.DRAFTED;
import static dk.fristed.records.referral.ReferralState.REFERRED_AGAIN;
import static dk.fristed.records.referral.ReferralState.REJECTED;
import static dk.fristed.records.referral.ReferralState.SENT;

/** The one transition table of a referral's life; docs/workflows.md shows it as a table. */
public final class ReferralWorkflow {
    private static final TransitionTable<ReferralState, Action> TABLE = new TransitionTable<>(ReferralState.class, Action.class, "a referral",
            a -> a == Action.REFER_AGAIN ? "refer_again (POST /referrals with replaces)" : Fields.wireName(a));

    static {
        TABLE.allow(DRAFTED, SEND, SENT);
        TABLE.allow(SENT, ACCEPT, ACCEPTED);
        TABLE.allow(SENT, REJECT, REJECTED);
        TABLE.allow(ACCEPTED, BOOK_APPOINTMENT, APPOINTMENT_BOOKED);
        TABLE.allow(APPOINTMENT_BOOKED, COMPLETE, COMPLETED);
        TABLE.allow(APPOINTMENT_BOOKED, Action.NOT_ATTENDED, ReferralState.NOT_ATTENDED);
        TABLE.allow(REJECTED, FILE_COMPLAINT, COMPLAINT_FILED);
        TABLE.allow(REJECTED, REFER_AGAIN, REFERRED_AGAIN);
        TABLE.allow(REJECTED, CLOSE, CLOSED);
        TABLE.allow(COMPLAINT_FILED, UPHOLD_COMPLAINT, ACCEPTED);
        TABLE.allow(COMPLAINT_FILED, DISMISS_COMPLAINT, CLOSED);
        for (ReferralState state : ReferralState.values()) {
            if (state.open()) {
                TABLE.allow(state, CANCEL, CANCELLED);
            }
        }
    }

    private ReferralWorkflow() {
    }

    /** The actions allowed in {@code state}, in the table's order. */
    public static Set<Action> allowed(ReferralState state) {
        return TABLE.allowed(state);
    }

    /** The state {@code action} leads to from {@code state}; a 409 naming the current state and the allowed actions otherwise. */
    public static ReferralState next(ReferralState state, Action action) {
        return TABLE.next(state, action);
    }
}
