package dk.fristed.records.referral;

import dk.fristed.validation.Fields;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts of the referrals written in a period, for the reports: no help number, no text, nothing that
 * points to a person. A referral counts once, by the date it was written; "rejected" counts every
 * referral a receiver rejected, whatever happened after (a complaint, a new referral, closing it).
 */
public record ReferralCounts(
        LocalDate from,
        LocalDate to,
        String site,
        int referrals,
        Map<String, Integer> byKind,
        Map<String, Integer> examinationsByModality,
        Map<String, Integer> byState,
        int rejected,
        Map<String, Integer> rejectionsByReason,
        Complaints complaints) {

    public record Complaints(int filed, int upheld, int dismissed, int pending) {}

    public static ReferralCounts of(LocalDate from, LocalDate to, String site, Collection<Referral> referrals) {
        Map<String, Integer> byKind = zeros(ReferralKind.values());
        Map<String, Integer> byModality = zeros(Modality.values());
        Map<String, Integer> byState = zeros(ReferralState.values());
        Map<String, Integer> byReason = zeros(RejectionReason.values());
        int rejected = 0;
        int filed = 0;
        int upheld = 0;
        int dismissed = 0;
        for (Referral r : referrals) {
            byKind.merge(Fields.wireName(r.kind()), 1, Integer::sum);
            r.modality().ifPresent(m -> byModality.merge(Fields.wireName(m), 1, Integer::sum));
            byState.merge(Fields.wireName(r.state()), 1, Integer::sum);
            if (r.outcome().rejectionReason().isPresent()) {
                rejected++;
                byReason.merge(Fields.wireName(r.outcome().rejectionReason().get()), 1, Integer::sum);
            }
            if (r.outcome().complaintFiledOn().isPresent()) {
                filed++;
                var outcome = r.outcome().complaintOutcome();
                upheld += outcome.filter(o -> o == Referral.ComplaintOutcome.UPHELD)
                                .isPresent()
                        ? 1
                        : 0;
                dismissed += outcome.filter(o -> o == Referral.ComplaintOutcome.DISMISSED)
                                .isPresent()
                        ? 1
                        : 0;
            }
        }
        return new ReferralCounts(
                from,
                to,
                site,
                referrals.size(),
                byKind,
                byModality,
                byState,
                rejected,
                byReason,
                new Complaints(filed, upheld, dismissed, filed - upheld - dismissed));
    }

    private static Map<String, Integer> zeros(Enum<?>[] values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            counts.put(Fields.wireName(value), 0);
        }
        return counts;
    }
}
