package dk.fristed.referrals.referral;

import dk.fristed.records.referral.ComplaintBody;
import dk.fristed.records.referral.ReferralState;
import dk.fristed.records.referral.RejectionReason;
import dk.fristed.workflow.HistoryStep;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One step of a referral's life, written in the same transaction as the state it led to: version 1 is
 * its creation (no {@code from}), every later version one transition.
 */
public record HistoryEntry(
        String referralId,
        long version,
        Optional<ReferralState> from,
        ReferralState to,
        Optional<Action> action,
        LocalDate date,
        Instant at,
        String by,
        String roles,
        Optional<RejectionReason> reason,
        Optional<ComplaintBody> complaintBody,
        Optional<LocalDate> appointmentDate,
        Optional<String> note)
        implements HistoryStep<ReferralState, Action> {

    @Override
    public String recordId() {
        return referralId;
    }

    public HistoryEntry withoutNote() {
        return new HistoryEntry(
                referralId,
                version,
                from,
                to,
                action,
                date,
                at,
                by,
                roles,
                reason,
                complaintBody,
                appointmentDate,
                Optional.empty());
    }
}
