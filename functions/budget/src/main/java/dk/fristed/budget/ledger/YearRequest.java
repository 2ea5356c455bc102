package dk.fristed.budget.ledger;

import java.util.Map;

/** The body of {@code POST /budget/years}: the year, its need and optionally the planned spending per category, in minor units. */
public record YearRequest(Integer year, Long need, String currency, Map<String, Long> plan) {}
