package dk.fristed.records.referral;

import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.workflow.WorkflowRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A referral: what was asked of whom for which patient, where it stands since when, and what its
 * transitions recorded on the way (the answer, the rejection and why, the complaint and its outcome).
 */
public record Referral(
        String id,
        HelpNumber helpNumber,
        Optional<String> visitId,
        String site,
        LocalDate date,
        ReferralKind kind,
        Optional<Modality> modality,
        Optional<String> specialty,
        String receiver,
        Urgency urgency,
        Optional<String> clinicalQuestion,
        String createdBy,
        Instant createdAt,
        Optional<String> replaces,
        ReferralState state,
        LocalDate stateSince,
        long version,
        Outcome outcome,
        Optional<LocalDate> followUpSince,
        Optional<Instant> erasedAt)
        implements WorkflowRecord {

    /** What the transitions so far recorded; each stays once set, for the counts. */
    public record Outcome(
            Optional<LocalDate> appointmentDate,
            Optional<RejectionReason> rejectionReason,
            Optional<ComplaintBody> complaintBody,
            Optional<LocalDate> complaintFiledOn,
            Optional<ComplaintOutcome> complaintOutcome,
            Optional<String> replacedBy) {

        public static final Outcome NONE = new Outcome(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        /** The same outcome, naming the referral that replaced this rejected one. */
        public Outcome replacedBy(String id) {
            return new Outcome(
                    appointmentDate,
                    rejectionReason,
                    complaintBody,
                    complaintFiledOn,
                    complaintOutcome,
                    Optional.of(id));
        }
    }

    public enum ComplaintOutcome {
        UPHELD,
        DISMISSED
    }

    /** The same referral in {@code next}, one version on, with what this transition recorded; follow-up is over. */
    public Referral moved(ReferralState next, LocalDate on, Outcome recorded) {
        return new Referral(
                id,
                helpNumber,
                visitId,
                site,
                date,
                kind,
                modality,
                specialty,
                receiver,
                urgency,
                clinicalQuestion,
                createdBy,
                createdAt,
                replaces,
                next,
                on,
                version + 1,
                recorded,
                Optional.empty(),
                erasedAt);
    }

    /** Flagged by the daily follow-up: same version, so nobody's If-Match goes stale. */
    public Referral needingFollowUp(LocalDate since) {
        return new Referral(
                id,
                helpNumber,
                visitId,
                site,
                date,
                kind,
                modality,
                specialty,
                receiver,
                urgency,
                clinicalQuestion,
                createdBy,
                createdAt,
                replaces,
                state,
                stateSince,
                version,
                outcome,
                Optional.of(since),
                erasedAt);
    }

    /** The same referral under the record its patient's was merged into, one version on. */
    public Referral mergedInto(HelpNumber survivor) {
        return new Referral(
                id,
                survivor,
                visitId,
                site,
                date,
                kind,
                modality,
                specialty,
                receiver,
                urgency,
                clinicalQuestion,
                createdBy,
                createdAt,
                replaces,
                state,
                stateSince,
                version + 1,
                outcome,
                followUpSince,
                erasedAt);
    }

    /**
     * Erased with its patient: unlinked from the help number (and from the visit, now under a number the
     * statistics keep), without the clinical question, the receiver and the specialty (each can name a
     * condition: "psychiatric outpatients", "oncology"); kind, site, dates and outcome stay for the counts.
     * One version on, so that a change that read the text cannot put it back.
     */
    public Referral erased(Instant at) {
        return new Referral(
                id,
                HelpNumber.UNLINKED,
                Optional.empty(),
                site,
                date,
                kind,
                modality,
                Optional.empty(),
                null,
                urgency,
                Optional.empty(),
                createdBy,
                createdAt,
                replaces,
                state,
                stateSince,
                version + 1,
                outcome,
                followUpSince,
                Optional.of(at));
    }
}
