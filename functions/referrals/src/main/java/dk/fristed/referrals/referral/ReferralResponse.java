package dk.fristed.referrals.referral;

import dk.fristed.records.referral.Referral;
import dk.fristed.validation.Fields;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A referral on the wire; {@code allowedActions} tells a client which buttons to show, {@code history} comes with a single referral only. */
public record ReferralResponse(
        String id,
        String helpNumber,
        String visitId,
        String site,
        LocalDate date,
        String kind,
        String modality,
        String specialty,
        String receiver,
        String urgency,
        String clinicalQuestion,
        String state,
        LocalDate stateSince,
        List<String> allowedActions,
        LocalDate appointmentDate,
        String rejectionReason,
        String complaintBody,
        LocalDate complaintFiledOn,
        String complaintOutcome,
        String replaces,
        String replacedBy,
        LocalDate followUpSince,
        String createdBy,
        Instant createdAt,
        long version,
        List<HistoryResponse> history) {

    public record HistoryResponse(
            long version,
            String from,
            String to,
            String action,
            LocalDate date,
            Instant at,
            String by,
            String roles,
            String reason,
            String complaintBody,
            LocalDate appointmentDate,
            String note) {
        static HistoryResponse of(HistoryEntry e) {
            return new HistoryResponse(
                    e.version(),
                    e.from().map(Fields::wireName).orElse(null),
                    Fields.wireName(e.to()),
                    e.action().map(Fields::wireName).orElse(null),
                    e.date(),
                    e.at(),
                    e.by(),
                    e.roles(),
                    e.reason().map(Fields::wireName).orElse(null),
                    e.complaintBody().map(Fields::wireName).orElse(null),
                    e.appointmentDate().orElse(null),
                    e.note().orElse(null));
        }
    }

    static ReferralResponse of(Referral r) {
        return of(r, null);
    }

    static ReferralResponse of(Referral r, List<HistoryEntry> history) {
        Referral.Outcome o = r.outcome();
        return new ReferralResponse(
                r.id(),
                r.helpNumber().shown().orElse(null),
                r.visitId().orElse(null),
                r.site(),
                r.date(),
                Fields.wireName(r.kind()),
                r.modality().map(Fields::wireName).orElse(null),
                r.specialty().orElse(null),
                r.receiver(),
                Fields.wireName(r.urgency()),
                r.clinicalQuestion().orElse(null),
                Fields.wireName(r.state()),
                r.stateSince(),
                ReferralWorkflow.TRANSITIONS.allowed(r.state()).stream()
                        .filter(a -> a != Action.REFER_AGAIN)
                        .map(Fields::wireName)
                        .toList(),
                o.appointmentDate().orElse(null),
                o.rejectionReason().map(Fields::wireName).orElse(null),
                o.complaintBody().map(Fields::wireName).orElse(null),
                o.complaintFiledOn().orElse(null),
                o.complaintOutcome().map(Fields::wireName).orElse(null),
                r.replaces().orElse(null),
                o.replacedBy().orElse(null),
                r.followUpSince().orElse(null),
                r.createdBy(),
                r.createdAt(),
                r.version(),
                history == null
                        ? null
                        : history.stream().map(HistoryResponse::of).toList());
    }
}
