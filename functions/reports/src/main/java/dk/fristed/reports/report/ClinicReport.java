package dk.fristed.reports.report;

import dk.fristed.records.invoice.InvoiceTotals;
import dk.fristed.records.referral.ReferralCounts;

import java.time.LocalDate;

/**
 * A period's figures with exact counts (the internal version): computed from the records the other
 * functions wrote, nothing entered by hand. Counts only: no help number, name or diagnosis tied to a
 * person. {@code funding} is there for all sites over a calendar year the budget has set up.
 */
public record ClinicReport(
        String version,
        LocalDate from,
        LocalDate to,
        String site,
        int ageYear,
        OpenDayFigures openDays,
        PatientFigures patients,
        VisitFigures visits,
        DiagnosisFigures diagnoses,
        ReferralCounts referrals,
        InvoiceTotals invoices,
        FundingFigures funding) {
    public static final String INTERNAL = "internal";
}
