package dk.fristed.invoices.invoice;

import java.time.LocalDate;

/**
 * The body of {@code POST /invoices}: the invoice as the patient brought it. {@code amount} is an
 * integer of minor units of {@code currency} (øre, cents); {@code receivedOn} is the day the clinic got
 * it (today if left out).
 */
public record InvoiceRequest(
        String helpNumber,
        String site,
        String creditor,
        String invoiceNumber,
        LocalDate invoiceDate,
        LocalDate dueDate,
        LocalDate receivedOn,
        Long amount,
        String currency,
        String referralId,
        String visitId,
        String note) {}
