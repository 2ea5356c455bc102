package dk.fristed.invoices.invoice;

import dk.fristed.auth.Caller;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.ids.RecordIds;
import dk.fristed.money.Money;
import dk.fristed.problem.ApiProblem;
import dk.fristed.records.invoice.Invoice;
import dk.fristed.records.invoice.InvoiceState;
import dk.fristed.site.Sites;
import dk.fristed.validation.Fields;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A validated {@link InvoiceRequest}. */
public record NewInvoice(
        HelpNumber helpNumber,
        String site,
        String creditor,
        String invoiceNumber,
        LocalDate invoiceDate,
        LocalDate dueDate,
        LocalDate receivedOn,
        Money amount,
        Optional<String> referralId,
        Optional<String> visitId,
        Optional<String> note) {

    static final LocalDate EARLIEST = LocalDate.of(2009, 1, 1);
    static final int MAX_CREDITOR = 200;
    static final int MAX_NUMBER = 64;
    static final int MAX_NOTE = 2000;

    static NewInvoice from(InvoiceRequest request, Sites sites, LocalDate today) {
        HelpNumber helpNumber = HelpNumber.parse(request.helpNumber(), "helpNumber");
        String site = sites.require(request.site(), "site");
        String creditor = Fields.optionalText(request.creditor(), "creditor", MAX_CREDITOR)
                .orElseThrow(() -> ApiProblem.badRequest("creditor", "is required"));
        String number = Fields.optionalText(request.invoiceNumber(), "invoiceNumber", MAX_NUMBER)
                .orElseThrow(() -> ApiProblem.badRequest("invoiceNumber", "is required"));
        LocalDate invoiceDate = Fields.required(request.invoiceDate(), "invoiceDate");
        if (invoiceDate.isBefore(EARLIEST) || invoiceDate.isAfter(today)) {
            throw ApiProblem.badRequest("invoiceDate", "must be a date from " + EARLIEST + " to today");
        }
        LocalDate dueDate = Fields.required(request.dueDate(), "dueDate");
        if (dueDate.isBefore(invoiceDate)) {
            throw ApiProblem.badRequest("dueDate", "must not be before invoiceDate");
        }
        LocalDate receivedOn = request.receivedOn() == null ? today : request.receivedOn();
        if (receivedOn.isBefore(invoiceDate) || receivedOn.isAfter(today)) {
            throw ApiProblem.badRequest("receivedOn", "must be from invoiceDate to today");
        }
        Money amount =
                new Money(Money.positive(request.amount(), "amount"), Money.currency(request.currency(), "currency"));
        return new NewInvoice(
                helpNumber,
                site,
                creditor,
                number,
                invoiceDate,
                dueDate,
                receivedOn,
                amount,
                RecordIds.optional(request.referralId(), "referralId"),
                RecordIds.optional(request.visitId(), "visitId"),
                Fields.optionalNote(request.note(), "note", MAX_NOTE));
    }

    /**
     * What makes an invoice the same one: its creditor and number, compared without case, spaces and
     * punctuation (a number typed as "2024-0042 17" or "2024004217" is one invoice). Only a keyed hash
     * of it is stored readable.
     */
    String identity() {
        return normalised(creditor) + "\n" + normalised(invoiceNumber);
    }

    private static String normalised(String text) {
        return text.toLowerCase(Locale.ROOT)
                .codePoints()
                .filter(Character::isLetterOrDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /** The invoice this request registers, under a new id, flagged as its due date already demands. */
    Invoice received(String numberKey, Caller caller, Instant at, DeadlinePolicy deadlines, LocalDate today) {
        Invoice invoice = new Invoice(
                RecordIds.random(),
                helpNumber,
                site,
                creditor,
                Optional.of(invoiceNumber),
                numberKey,
                invoiceDate,
                dueDate,
                receivedOn,
                amount,
                0,
                0,
                referralId,
                visitId,
                note,
                InvoiceState.RECEIVED,
                receivedOn,
                1,
                Invoice.Outcome.NONE,
                Set.of(),
                caller.subject(),
                at,
                Optional.empty());
        return invoice.withFlags(deadlines.flags(invoice, today));
    }
}
