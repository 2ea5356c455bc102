package dk.fristed.referrals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dk.fristed.referrals.ReferralsApi.action;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Oslo centre's 2024 referrals, built through the API: 217 referrals, 109 for examinations, 104
 * to specialists, 4 to psychiatric outpatient clinics; 12 rejected, one of them for no health rights;
 * one psychiatric referral accepted only after a complaint. The counts route returns exactly that.
 */
class OsloReferralFiguresIT {
    private static final List<String> REASONS = List.of(
            "no_health_rights",
            "not_medically_indicated",
            "not_medically_indicated",
            "not_medically_indicated",
            "not_medically_indicated",
            "incomplete_referral",
            "incomplete_referral",
            "incomplete_referral",
            "wrong_receiver",
            "wrong_receiver",
            "other",
            "not_medically_indicated"); // the last: the psychiatric one, complained about and accepted
    private final ReferralsApi api = new ReferralsApi();

    @Test
    void oslo2024_countsAreExactlyThePublishedFigures() throws Exception {
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            patients.add(api.registerPatient());
        }
        List<String> kinds = new ArrayList<>();
        kinds.addAll(java.util.Collections.nCopies(109, "examination"));
        kinds.addAll(java.util.Collections.nCopies(104, "specialist"));
        kinds.addAll(java.util.Collections.nCopies(4, "psychiatric_outpatient"));
        // each referral's steps are planned first (which are rejected depends on the order), then four
        // clinicians write them at once, as on a busy day: the counts must not care
        int rejected = 0;
        List<Runnable> referrals = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            String kind = kinds.get(i);
            String date =
                    LocalDate.of(2024, 1, 2).plusDays(i * 363L / kinds.size()).toString();
            String site = ReferralsApi.SITES.names().get(i % 4);
            String patient = patients.get(i % patients.size());
            List<Map<String, Object>> steps = new ArrayList<>(List.of(action("send", "date", date)));
            boolean lastPsychiatric = i == kinds.size() - 1;
            if (i % 18 == 5 && rejected < 11 || lastPsychiatric) {
                steps.add(action("reject", "date", date, "reason", REASONS.get(lastPsychiatric ? 11 : rejected)));
                rejected++;
                if (lastPsychiatric) {
                    steps.add(action("file_complaint", "date", date, "complaintBody", "county_governor"));
                    steps.add(action("uphold_complaint", "date", date));
                }
            } else {
                steps.add(action("accept", "date", date));
            }
            referrals.add(() -> api.walkCreated(api.create(patient, site, date, kind), steps));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<?> written :
                    pool.invokeAll(referrals.stream().map(Executors::callable).toList())) {
                written.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(12, rejected, "the seed itself");

        JsonNode all = api.call("GET", "/referrals/counts?from=2024-01-01&to=2024-12-31", "coordinator", null)
                .body();

        assertEquals(217, all.get("referrals").asInt());
        assertEquals(109, all.get("byKind").get("examination").asInt());
        assertEquals(104, all.get("byKind").get("specialist").asInt());
        assertEquals(4, all.get("byKind").get("psychiatric_outpatient").asInt());
        assertEquals(0, all.get("byKind").get("acute_admission").asInt());
        assertEquals(109, all.get("examinationsByModality").get("ultrasound").asInt());
        assertEquals(12, all.get("rejected").asInt());
        assertEquals(1, all.get("rejectionsByReason").get("no_health_rights").asInt());
        assertEquals(
                5, all.get("rejectionsByReason").get("not_medically_indicated").asInt());
        assertEquals(206, all.get("byState").get("accepted").asInt());
        assertEquals(11, all.get("byState").get("rejected").asInt());
        assertEquals(1, all.get("complaints").get("filed").asInt());
        assertEquals(1, all.get("complaints").get("upheld").asInt());
        assertEquals(0, all.get("complaints").get("pending").asInt());
        assertEquals(false, all.has("site"));
        int bySite = 0;
        for (String site : ReferralsApi.SITES.names()) {
            bySite += api.call(
                            "GET", "/referrals/counts?from=2024-01-01&to=2024-12-31&site=" + site, "coordinator", null)
                    .body()
                    .get("referrals")
                    .asInt();
        }
        assertEquals(217, bySite, "the sites add up to the whole");
        assertEquals(
                0,
                api.call("GET", "/referrals/counts?from=2025-01-01&to=2025-02-28", "coordinator", null)
                        .body()
                        .get("referrals")
                        .asInt(),
                "a referral counts in the period it was written");
    }
}
