package dk.fristed.local;

import dk.fristed.devkit.ClinicDay;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A clinic day through the API, once without faults and once with about 20 % of the DynamoDB calls
 * faulted (throttling, 500s, transaction conflicts, timeouts, connections closed, answers dropped after
 * the write) and answers lost on the way to the phone: the tables end up exactly the same (invoice
 * totals to the øre, a merge of two records and the month's report among them), and no answer was a 500. `make chaos` runs longer days with more seeds.
 */
class FaultScenarioIT {
    static final int PATIENTS = 6;
    static final int SHORT_DAY = 3;

    @Test
    void clinicDayWithFaults_leavesExactlyWhatTheDayWithoutFaultsLeaves() throws Exception {
        Map<String, Object> expected;
        try (ClinicDay clean = new ClinicDay(ClinicDay.Faults.NONE, true)) {
            ClinicDay.Outcome outcome = clean.run(PATIENTS);
            assertEquals(List.of(), outcome.failures());
            expected = clean.summary();
        }
        // two invoices (patients 1 and 4): 1,000.01 and 1,000.04 DKK, 600.00 of each credited, the rest paid
        String totals = String.valueOf(expected.get("invoice totals"));
        assertTrue(
                totals.contains("\"invoiced\":200005")
                        && totals.contains("\"credited\":120000")
                        && totals.contains("\"paid\":80005")
                        && totals.contains("\"outstanding\":0"),
                totals);
        String report = String.valueOf(expected.get("month's report"));
        assertTrue(
                report.contains("\"patients\":{\"total\":" + (PATIENTS - 1) + ","),
                "patient 4 was merged into 3: " + report);
        String survivor = String.valueOf(expected.get("patient 03"));
        assertTrue(survivor.startsWith("kept/v3/visits 4/first 1/"), survivor);
        String duplicate = String.valueOf(expected.get("patient 04"));
        assertTrue(duplicate.startsWith("kept/merged/v2/visits 0/first 0/"), duplicate);
        try (ClinicDay faulty = new ClinicDay(new ClinicDay.Faults(0.2, 20251125), true)) {
            ClinicDay.Outcome outcome = faulty.run(PATIENTS);

            assertEquals(List.of(), outcome.failures(), "every answer a success or a problem that says: retry");
            assertTrue(
                    outcome.retried() > 0
                            && faulty.injected().values().stream()
                                            .mapToInt(Integer::intValue)
                                            .sum()
                                    > 10,
                    "the faults happened: " + faulty.injected());
            assertEquals(expected, faulty.summary(), "nothing lost, nothing twice");
        }
    }

    @Test
    void withoutIdempotencyKeys_faultsDoubleRecords_soTheCheckAboveCanFail() throws Exception {
        Map<String, Object> expected;
        // a shorter day: one doubled record is enough to show it
        try (ClinicDay clean = new ClinicDay(ClinicDay.Faults.NONE, false)) {
            clean.run(SHORT_DAY);
            expected = clean.summary();
        }
        try (ClinicDay faulty = new ClinicDay(new ClinicDay.Faults(0.2, 20251125), false)) {
            faulty.run(SHORT_DAY);
            assertNotEquals(expected, faulty.summary(), "a retried POST without a key registers twice");
        }
    }
}
