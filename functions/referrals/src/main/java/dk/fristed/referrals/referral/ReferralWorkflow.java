package dk.fristed.referrals.referral;

import dk.fristed.records.referral.ReferralState;
import dk.fristed.validation.Fields;
import dk.fristed.workflow.TransitionTable;

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

/** The one transition table of a referral's life; docs/workflows.md shows it as a table. */
public final class ReferralWorkflow {
    /** Every state, the actions it allows and where each leads; answers next() and allowed(). */
    public static final TransitionTable<ReferralState, Action> TRANSITIONS = new TransitionTable<>(
            ReferralState.class,
            Action.class,
            "a referral",
            a -> a == Action.REFER_AGAIN ? "refer_again (POST /referrals with replaces)" : Fields.wireName(a));

    static {
        TRANSITIONS.allow(DRAFTED, SEND, SENT);
        TRANSITIONS.allow(SENT, ACCEPT, ACCEPTED);
        TRANSITIONS.allow(SENT, REJECT, REJECTED);
        TRANSITIONS.allow(ACCEPTED, BOOK_APPOINTMENT, APPOINTMENT_BOOKED);
        TRANSITIONS.allow(APPOINTMENT_BOOKED, COMPLETE, COMPLETED);
        TRANSITIONS.allow(APPOINTMENT_BOOKED, Action.NOT_ATTENDED, ReferralState.NOT_ATTENDED);
        TRANSITIONS.allow(REJECTED, FILE_COMPLAINT, COMPLAINT_FILED);
        TRANSITIONS.allow(REJECTED, REFER_AGAIN, REFERRED_AGAIN);
        TRANSITIONS.allow(REJECTED, CLOSE, CLOSED);
        TRANSITIONS.allow(COMPLAINT_FILED, UPHOLD_COMPLAINT, ACCEPTED);
        TRANSITIONS.allow(COMPLAINT_FILED, DISMISS_COMPLAINT, CLOSED);
        for (ReferralState state : ReferralState.values()) {
            if (state.open()) {
                TRANSITIONS.allow(state, CANCEL, CANCELLED);
            }
        }
    }

    private ReferralWorkflow() {}
}
