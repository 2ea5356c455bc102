package dk.fristed.invoices.invoice;

import dk.fristed.config.Environment;
import dk.fristed.records.invoice.Flag;
import dk.fristed.records.invoice.Invoice;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * When an invoice needs someone's attention: a credit request or appeal unanswered for more than
 * {@code unansweredDays} days (default 21), or an open invoice due within {@code dueWithinDays} days
 * (default 7) or past due. One rule for the daily run, creation and every transition, so the list of
 * a site is right the moment something changes.
 */
public record DeadlinePolicy(int unansweredDays, int dueWithinDays) {
    public static final String UNANSWERED_DAYS_VARIABLE = "INVOICE_UNANSWERED_DAYS";
    public static final String DUE_WITHIN_DAYS_VARIABLE = "INVOICE_DUE_WITHIN_DAYS";

    public DeadlinePolicy {
        if (unansweredDays < 1 || dueWithinDays < 0) {
            throw new IllegalArgumentException(
                    "deadline thresholds are whole days: unanswered at least 1, due within at least 0");
        }
    }

    public static DeadlinePolicy fromEnvironment(Environment env) {
        return new DeadlinePolicy(
                Integer.parseInt(env.get(UNANSWERED_DAYS_VARIABLE, "21")),
                Integer.parseInt(env.get(DUE_WITHIN_DAYS_VARIABLE, "7")));
    }

    public Set<Flag> flags(Invoice invoice, LocalDate today) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (invoice.erasedAt().isPresent()) {
            return flags; // the patient asked to be erased: nobody chases it
        }
        if (invoice.state().open()) {
            if (invoice.dueDate().isBefore(today)) {
                flags.add(Flag.OVERDUE);
            } else if (!invoice.dueDate().isAfter(dueSoonUntil(today))) {
                flags.add(Flag.DUE_SOON);
            }
        }
        if (invoice.state().awaitingAnswer() && invoice.stateSince().isBefore(unansweredBefore(today))) {
            flags.add(Flag.UNANSWERED);
        }
        return flags;
    }

    /** The last due date that counts as due soon today. */
    LocalDate dueSoonUntil(LocalDate today) {
        return today.plusDays(dueWithinDays);
    }

    /** A request made before this day has waited more than {@code unansweredDays} whole days. */
    LocalDate unansweredBefore(LocalDate today) {
        return today.minusDays(unansweredDays);
    }
}
