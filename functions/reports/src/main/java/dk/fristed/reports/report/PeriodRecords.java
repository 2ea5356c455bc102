package dk.fristed.reports.report;

import dk.fristed.budget.ledger.BudgetRepository;
import dk.fristed.budget.ledger.Categories;
import dk.fristed.budget.ledger.Progress;
import dk.fristed.calendar.Period;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.invoices.invoice.Invoice;
import dk.fristed.invoices.invoice.InvoiceItem;
import dk.fristed.referrals.referral.Referral;
import dk.fristed.referrals.referral.ReferralItem;
import dk.fristed.reports.openday.OpenDay;
import dk.fristed.reports.openday.OpenDayRepository;
import dk.fristed.storage.IndexQueries;
import dk.fristed.visits.patient.Patient;
import dk.fristed.visits.patient.PatientItem;
import dk.fristed.visits.visit.Visit;
import dk.fristed.visits.visit.VisitItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads what a report counts, and only the period's part of it: every read is a query on a key or index
 * bounded by the period's dates (one per site), or a batch get of the patients seen in it. Nothing here
 * grows with the years stored before or after the period. Never a Scan, never a write.
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
    private final BudgetRepository budget;
    private final Categories categories;

    public PeriodRecords(DynamoDbEnhancedClient enhanced, DynamoDbTable<PatientItem> patients, DynamoDbTable<VisitItem> visits,
                         DynamoDbTable<ReferralItem> referrals, DynamoDbTable<InvoiceItem> invoices, OpenDayRepository openDays,
                         BudgetRepository budget, Categories categories) {
        this.enhanced = enhanced;
        this.patients = patients;
        this.visits = new IndexQueries<>(visits, VisitItem::toVisit);
        this.referrals = new IndexQueries<>(referrals, ReferralItem::toReferral);
        this.invoices = new IndexQueries<>(invoices, InvoiceItem::toInvoice);
        this.openDays = openDays;
        this.budget = budget;
        this.categories = categories;
    }

    public List<Visit> visits(List<String> sites, Period period) {
        return perSite(sites, period, (site, p) -> visits.all(VisitItem.BY_SITE_DATE, IndexQueries.datedIn(site, p)));
    }

    /** Referrals by the day they were written. */
    public List<Referral> referrals(List<String> sites, Period period) {
        return perSite(sites, period, (site, p) -> referrals.all(ReferralItem.BY_SITE, IndexQueries.datedIn(site, p)));
    }

    /** Invoices by the day the clinic received them. */
    public List<Invoice> invoices(List<String> sites, Period period) {
        return perSite(sites, period, (site, p) -> invoices.all(InvoiceItem.BY_SITE, IndexQueries.datedIn(site, p)));
    }

    public List<OpenDay> openDays(List<String> sites, Period period) {
        return perSite(sites, period, openDays::allAtSite);
    }

    /** The patients with these help numbers, a hundred to a BatchGetItem; fails if one is missing (a visit always has its patient). */
    public Collection<Patient> patients(Collection<HelpNumber> helpNumbers) {
        List<HelpNumber> all = List.copyOf(helpNumbers);
        Map<HelpNumber, Patient> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            var batch = ReadBatch.builder(PatientItem.class).mappedTableResource(patients);
            all.subList(from, Math.min(all.size(), from + BATCH)).forEach(h -> batch.addGetItem(IndexQueries.key(h.value())));
            enhanced.batchGetItem(r -> r.readBatches(batch.build())).resultsForTable(patients)
                    .forEach(item -> found.put(new HelpNumber(item.getHelpNumber()), item.toPatient()));
        }
        if (found.size() != all.size()) {
            throw new IllegalStateException((all.size() - found.size()) + " patients with visits in the period were not found");
        }
        return found.values();
    }

    /** The year's funding as the budget computes it, if the year is set up there. */
    public Optional<Progress> funding(int year, LocalDate today) {
        return budget.year(year).map(y -> Progress.of(y, budget.ledger(year), budget.allSources(), categories, today));
    }

    private static <T> List<T> perSite(List<String> sites, Period period, BiFunction<String, Period, List<T>> read) {
        List<T> all = new ArrayList<>();
        sites.forEach(site -> all.addAll(read.apply(site, period)));
        return all;
    }
}
