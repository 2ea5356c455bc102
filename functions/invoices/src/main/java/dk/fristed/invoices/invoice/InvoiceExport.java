package dk.fristed.invoices.invoice;

import dk.fristed.csv.CsvTable;
import dk.fristed.money.Money;
import dk.fristed.records.invoice.Invoice;
import dk.fristed.validation.Fields;

import java.util.List;

/**
 * A period's invoices as CSV for the coordinators: one row per invoice with the patient's help number,
 * the creditor, the dates, the amounts as decimals in major units beside their currency, and the state.
 * The invoice number stays out: the coordinators' spreadsheet need not carry what identifies the
 * patient at the hospital.
 */
public final class InvoiceExport {
    static final List<String> HEADER = List.of(
            "invoice_id",
            "help_number",
            "site",
            "creditor",
            "invoice_date",
            "due_date",
            "received_on",
            "state",
            "state_since",
            "currency",
            "amount",
            "credited",
            "paid",
            "outstanding");

    private InvoiceExport() {}

    static String csv(List<Invoice> invoices) {
        CsvTable table = new CsvTable(HEADER);
        for (Invoice v : invoices) {
            String currency = v.amount().currency();
            table.row()
                    .value(v.id())
                    .value(v.helpNumber().shown().orElse(""))
                    .text(v.site())
                    .text(v.creditor())
                    .value(v.invoiceDate())
                    .value(v.dueDate())
                    .value(v.receivedOn())
                    .value(Fields.wireName(v.state()))
                    .value(v.stateSince())
                    .value(currency)
                    .value(v.amount().decimal())
                    .value(new Money(v.credited(), currency).decimal())
                    .value(new Money(v.paid(), currency).decimal())
                    .value(v.outstanding().decimal())
                    .end();
        }
        return table.toString();
    }
}
