package dk.fristed.invoices.invoice;

import dk.fristed.csv.CsvTable;
import dk.fristed.i18n.Language;
import dk.fristed.i18n.Language.Text;
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
    static final List<Text> HEADER = List.of(
            new Text("invoice_id", "Faktura-id", "Faktura-id"),
            new Text("help_number", "Hjælpenummer", "Hjelpenummer"),
            new Text("site", "Sted", "Sted"),
            new Text("creditor", "Kreditor", "Kreditor"),
            new Text("invoice_date", "Fakturadato", "Fakturadato"),
            new Text("due_date", "Forfaldsdato", "Forfallsdato"),
            new Text("received_on", "Modtaget", "Mottatt"),
            new Text("state", "Status", "Status"),
            new Text("state_since", "Status siden", "Status siden"),
            new Text("currency", "Valuta", "Valuta"),
            new Text("amount", "Beløb", "Beløp"),
            new Text("credited", "Krediteret", "Kreditert"),
            new Text("paid", "Betalt", "Betalt"),
            new Text("outstanding", "Udestående", "Utestående"));

    private InvoiceExport() {}

    static String csv(List<Invoice> invoices, Language language) {
        CsvTable table = new CsvTable(language, HEADER);
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
                    .decimal(v.amount().decimal())
                    .decimal(new Money(v.credited(), currency).decimal())
                    .decimal(new Money(v.paid(), currency).decimal())
                    .decimal(v.outstanding().decimal())
                    .end();
        }
        return table.toString();
    }
}
