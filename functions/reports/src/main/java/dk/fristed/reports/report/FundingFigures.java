package dk.fristed.reports.report;

import dk.fristed.records.ledger.Progress;

import java.util.List;

/**
 * The funding part of a yearly report, from the budget's progress: the need, what came in and what is
 * promised, the gap, by type of source. No donor is named (the budget's own progress names them).
 */
public record FundingFigures(
        int year,
        String currency,
        long need,
        long received,
        long pledged,
        long outstandingPledges,
        long gap,
        String percentFunded,
        String percentSecured,
        List<Progress.ByType> bySourceType) {

    static FundingFigures of(Progress progress) {
        return new FundingFigures(
                progress.year(),
                progress.currency(),
                progress.need(),
                progress.received(),
                progress.pledged(),
                progress.outstandingPledges(),
                progress.gap(),
                progress.percentFunded(),
                progress.percentSecured(),
                progress.bySourceType());
    }
}
