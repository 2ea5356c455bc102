package dk.fristed.records.ledger;

import java.time.Instant;
import java.util.Map;

/** A budget year: what the clinic needs in it and, optionally, what it plans to spend per category, in minor units. */
public record BudgetYear(
        int year, long need, String currency, Map<String, Long> plan, String createdBy, Instant createdAt) {}
