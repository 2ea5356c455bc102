package dk.fristed.budget.ledger;

/** The body of {@code POST /budget/sources}. An anonymous private donor has no name; a name and contact are encrypted. */
public record SourceRequest(String type, String name, String contact, Boolean anonymous) {}
