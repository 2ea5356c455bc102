package dk.fristed.invoices.invoice;

import java.time.LocalDate;

/**
 * The body of {@code POST /invoices/{invoiceId}/transitions}: the action, the day it happened (today if
 * left out) and what that action records: {@code channel} and optionally the creditor's
 * {@code reference} (request_credit, appeal), {@code reason} (reject), {@code amount} with its
 * {@code currency} in minor units (credit_partly, pay; credit_in_full takes the rest, and checks an
 * amount if one is sent), a {@code note} (required to write off: say why).
 */
public record TransitionRequest(
        String action,
        LocalDate date,
        String channel,
        String reference,
        String reason,
        Long amount,
        String currency,
        String note) {}
