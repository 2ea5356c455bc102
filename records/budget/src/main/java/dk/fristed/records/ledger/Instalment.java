package dk.fristed.records.ledger;

import java.time.LocalDate;

/** One promised payment of a pledge: when it is due and how much, in minor units of the budget currency. */
public record Instalment(LocalDate due, long amount) {}
