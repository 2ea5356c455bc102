package dk.fristed.budget.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /budget/years/{year}/entries}. Amounts are integers of minor units of the
 * budget currency, with {@code currency} saying which; a payment in another currency gives what the bank
 * booked as {@code amount} and what was sent as {@code originalAmount} and {@code originalCurrency}.
 */
public record EntryRequest(
        String kind,
        LocalDate date,
        Long amount,
        String currency,
        Long originalAmount,
        String originalCurrency,
        String sourceId,
        String pledgeId,
        String purpose,
        String category,
        String note,
        List<InstalmentRequest> instalments,
        String reverses) {

    public record InstalmentRequest(LocalDate due, Long amount) {}
}
