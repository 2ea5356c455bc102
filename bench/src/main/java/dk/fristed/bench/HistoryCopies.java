package dk.fristed.bench;

import dk.fristed.devkit.FunctionTestbed;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.ids.RecordIds;
import dk.fristed.records.invoice.InvoiceItem;
import dk.fristed.records.patient.PatientItem;
import dk.fristed.records.referral.ReferralItem;
import dk.fristed.records.visit.VisitItem;
import dk.fristed.storage.IndexQueries;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Earlier years for the report bench: the measured year's patients, visits, referrals and invoices,
 * copied k years back with new help numbers and ids and every date key moved, written encrypted and
 * signed as the functions write them, into the same tables, partitions and indexes.
 */
final class HistoryCopies {
    private static final int BATCH = 25;

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<PatientItem> patients;
    private final DynamoDbTable<VisitItem> visits;
    private final DynamoDbTable<ReferralItem> referrals;
    private final DynamoDbTable<InvoiceItem> invoices;
    private final List<PatientItem> yearsPatients = new ArrayList<>();
    private final List<VisitItem> yearsVisits;
    private final List<ReferralItem> yearsReferrals;
    private final List<InvoiceItem> yearsInvoices;
    private final AtomicLong items = new AtomicLong();

    HistoryCopies(FunctionTestbed testbed, Map<String, String> tables, List<String> helpNumbers, int year) {
        var encrypted = List.of(
                PatientItem.encryption(tables.get("PatientsTable")),
                VisitItem.encryption(tables.get("VisitsTable")),
                ReferralItem.encryption(tables.get("ReferralsTable")),
                InvoiceItem.encryption(tables.get("InvoicesTable")));
        enhanced = DynamoDbEnhancedClient.builder()
                .dynamoDbClient(testbed.connection().open(testbed.fieldEncryption.interceptor(encrypted)))
                .build();
        patients = enhanced.table(tables.get("PatientsTable"), PatientItem.SCHEMA);
        visits = enhanced.table(tables.get("VisitsTable"), VisitItem.SCHEMA);
        referrals = enhanced.table(tables.get("ReferralsTable"), ReferralItem.SCHEMA);
        invoices = enhanced.table(tables.get("InvoicesTable"), InvoiceItem.SCHEMA);
        helpNumbers.forEach(h -> yearsPatients.add(patients.getItem(
                IndexQueries.key(HelpNumber.parse(h, "helpNumber").value()))));
        var site = QueryConditional.keyEqualTo(IndexQueries.key("oslo"));
        yearsVisits = visits.index(VisitItem.BY_SITE_DATE).query(r -> r.queryConditional(site)).stream()
                .flatMap(p -> p.items().stream())
                .toList();
        yearsReferrals = referrals.index(ReferralItem.BY_SITE).query(r -> r.queryConditional(site)).stream()
                .flatMap(p -> p.items().stream())
                .toList();
        yearsInvoices = invoices.index(InvoiceItem.BY_SITE).query(r -> r.queryConditional(site)).stream()
                .flatMap(p -> p.items().stream())
                .toList();
        items.set(yearsPatients.size() + yearsVisits.size() + yearsReferrals.size() + yearsInvoices.size());
    }

    /** Items of the four tables, all years. */
    long items() {
        return items.get();
    }

    /** Writes the copies {@code from} .. {@code to} years back (three years at a time in parallel). */
    void copy(int from, int to) {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int back = from; back <= to; back++) {
                int years = back;
                done.add(pool.submit(() -> copy(years)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    private void copy(int back) {
        Map<String, String> helpNumbers = new HashMap<>();
        Function<String, String> renumbered =
                old -> helpNumbers.computeIfAbsent(old, o -> HelpNumber.random().value());
        write(patients, PatientItem.class, PatientItem.SCHEMA, yearsPatients, p -> {
            p.setHelpNumber(renumbered.apply(p.getHelpNumber()));
            p.setFirstVisitKey(moved(p.getFirstVisitKey(), back));
            p.setName(null);
            p.setPhone(null);
        });
        write(visits, VisitItem.class, VisitItem.SCHEMA, yearsVisits, v -> {
            v.setHelpNumber(renumbered.apply(v.getHelpNumber()));
            v.setVisitKey(moved(v.getVisitKey(), back));
        });
        write(referrals, ReferralItem.class, ReferralItem.SCHEMA, yearsReferrals, r -> {
            String id = RecordIds.random();
            r.put("referralId", id);
            r.put("helpNumber", renumbered.apply(r.string("helpNumber")));
            r.put("referralKey", moved(r.string("referralKey"), back).substring(0, 11) + id);
            r.put("stateKey", moved(r.string("stateKey"), back).substring(0, 11) + id);
            r.put("followUp", null);
        });
        write(invoices, InvoiceItem.class, InvoiceItem.SCHEMA, yearsInvoices, i -> {
            String id = RecordIds.random();
            i.put("invoiceId", id);
            i.put("helpNumber", renumbered.apply(i.string("helpNumber")));
            i.put("invoiceKey", moved(i.string("invoiceKey"), back).substring(0, 11) + id);
            // long settled: out of the sparse deadline indexes
            i.put("awaitingSite", null);
            i.put("openSite", null);
            i.put("flaggedSite", null);
            i.put("dueKey", null);
            i.put("stateKey", null);
        });
    }

    /** A "date#rest" key, {@code back} years earlier. */
    private static String moved(String key, int back) {
        if (key == null) {
            return null;
        }
        return LocalDate.parse(key.substring(0, 10)).minusYears(back) + key.substring(10);
    }

    private <T> void write(
            DynamoDbTable<T> table,
            Class<T> type,
            StaticTableSchema<T> schema,
            List<T> originals,
            java.util.function.Consumer<T> change) {
        for (int from = 0; from < originals.size(); from += BATCH) {
            var batch = WriteBatch.builder(type).mappedTableResource(table);
            for (T original : originals.subList(from, Math.min(originals.size(), from + BATCH))) {
                T copy = schema.mapToItem(schema.itemToMap(original, true));
                change.accept(copy);
                batch.addPutItem(copy);
            }
            var result = enhanced.batchWriteItem(r -> r.writeBatches(batch.build()));
            if (!result.unprocessedPutItemsForTable(table).isEmpty()) {
                throw new IllegalStateException("DynamoDB Local left items unwritten");
            }
            items.addAndGet(Math.min(BATCH, originals.size() - from));
        }
    }
}
