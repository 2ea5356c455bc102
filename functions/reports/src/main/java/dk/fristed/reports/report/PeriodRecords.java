package dk.fristed.reports.report;

import dk.fristed.calendar.Period;
import dk.fristed.config.Categories;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.records.invoice.Invoice;
import dk.fristed.records.invoice.InvoiceItem;
import dk.fristed.records.ledger.BudgetRecords;
import dk.fristed.records.ledger.Progress;
import dk.fristed.records.patient.Patient;
import dk.fristed.records.patient.PatientItem;
import dk.fristed.records.referral.Referral;
import dk.fristed.records.referral.ReferralItem;
import dk.fristed.records.visit.Visit;
import dk.fristed.records.visit.VisitItem;
import dk.fristed.reports.openday.OpenDay;
import dk.fristed.reports.openday.OpenDayRepository;
import dk.fristed.storage.IndexQueries;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a report counts, and only the period's part of it: every read is a query on a key or index
 * bounded by the period's dates (one site at a time), or a batch get of the patients seen in it. Nothing
 * here grows with the years stored before or after the period. Never a Scan, never a write.
 */
public final class PeriodRecords {
    /** DynamoDB's limit of keys in one BatchGetItem. */
    static final int BATCH = 100;

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<PatientItem> patients;
    private final IndexQueries<VisitItem, Visit> visits;
    private final IndexQueries<ReferralItem, Referral> referrals;
    private final IndexQueries<InvoiceItem, Invoice> invoices;
    private final OpenDayRepository openDays;
    private final BudgetRecords budget;
    private final Categories categories;

    public PeriodRecords(
            DynamoDbEnhancedClient enhanced,
            DynamoDbTable<PatientItem> patients,
            DynamoDbTable<VisitItem> visits,
            DynamoDbTable<ReferralItem> referrals,
            DynamoDbTable<InvoiceItem> invoices,
            OpenDayRepository openDays,
            BudgetRecords budget,
            Categories categories) {
        this.enhanced = enhanced;
        this.patients = patients;
        this.visits = new IndexQueries<>(visits, VisitItem::toVisit);
        this.referrals = new IndexQueries<>(referrals, ReferralItem::toReferral);
        this.invoices = new IndexQueries<>(invoices, InvoiceItem::toInvoice);
        this.openDays = openDays;
        this.budget = budget;
        this.categories = categories;
    }

    /** A site's visits of the period: the BySiteDate index. */
    public List<Visit> visits(String site, Period period) {
        return VisitItem.seenAt(visits, site, period);
    }

    /** A site's referrals by the day they were written: the BySite index. */
    public List<Referral> referrals(String site, Period period) {
        return ReferralItem.writtenAt(referrals, site, period);
    }

    /** A site's invoices by the day the clinic received them: the BySite index. */
    public List<Invoice> invoices(String site, Period period) {
        return InvoiceItem.receivedAt(invoices, site, period);
    }

    public List<OpenDay> openDays(String site, Period period) {
        return openDays.allAtSite(site, period);
    }

    /** Help numbers in groups of at most a hundred: one BatchGetItem each. */
    public static List<List<HelpNumber>> batches(Collection<HelpNumber> helpNumbers) {
        List<HelpNumber> all = List.copyOf(helpNumbers);
        List<List<HelpNumber>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            batches.add(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
        return batches;
    }

    /** The patients of one batch; fails if one is missing (a visit always has its patient). */
    public List<Patient> patients(List<HelpNumber> batch) {
        var read = ReadBatch.builder(PatientItem.class).mappedTableResource(patients);
        batch.forEach(h -> read.addGetItem(IndexQueries.key(h.value())));
        List<Patient> found = new ArrayList<>();
        enhanced.batchGetItem(r -> r.readBatches(read.build()))
                .resultsForTable(patients)
                .forEach(item -> found.add(item.toPatient()));
        if (found.size() != batch.size()) {
            throw new IllegalStateException(
                    (batch.size() - found.size()) + " patients with visits in the period were not found");
        }
        return found;
    }

    /** The year's funding as the budget computes it, if the year is set up there. */
    public Optional<Progress> funding(int year, LocalDate today) {
        return budget.year(year).map(y -> Progress.of(y, budget.ledger(year), budget.allSources(), categories, today));
    }
}
