package dk.fristed.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.devkit.RouteChecks;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A patient registered twice counts twice until the records are merged, once afterwards, and once while a merge is still moving. */
class MergedPatientReportIT {
    private final ReportsApi api = new ReportsApi();

    @Test
    void aMergedPatient_countsOnce() {
        String survivor = register();
        String duplicate = register();
        visit(survivor, "copenhagen", "2024-03-01");
        visit(duplicate, "aarhus", "2024-02-01");
        visit(duplicate, "aarhus", "2024-05-05");
        JsonNode before = report();
        assertEquals(2, before.at("/patients/total").asInt());
        assertEquals(2, before.at("/visits/firstVisits").asInt());

        RouteChecks.mergePatients(api.testbed, survivor, duplicate);

        JsonNode after = report();
        assertEquals(1, after.at("/patients/total").asInt());
        assertEquals(1, after.at("/patients/newPatients").asInt());
        assertEquals(3, after.at("/visits/total").asInt());
        assertEquals(1, after.at("/visits/firstVisits").asInt());
        assertEquals(2, after.at("/visits/returningVisits").asInt());
        assertEquals(before.get("diagnoses"), after.get("diagnoses"));
    }

    @Test
    void aMergeStillMoving_countsThePatientOnceAlready() {
        String survivor = register();
        String duplicate = register();
        visit(survivor, "copenhagen", "2024-12-01");
        LocalDate day = LocalDate.parse("2024-01-02");
        for (int i = 0; i < 45; i++) {
            visit(duplicate, "aarhus", day.plusDays(i).toString());
        }
        // the merge stops after moving the first 40 visits: 5 are still under the old number
        String etag =
                api.call("GET", "/patients/" + survivor, "coordinator", null).header("ETag");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("duplicate", duplicate);
        body.put("duplicateVersion", 1);
        api.testbed.dynamoCalls.failAt("transactWriteItems", 3);
        var stopped =
                api.call("POST", "/patients/" + survivor + "/merges", "coordinator", body, Map.of("If-Match", etag));
        assertTrue(stopped.status() >= 500, stopped.text());

        JsonNode during = report();

        assertEquals(1, during.at("/patients/total").asInt());
        assertEquals(1, during.at("/patients/newPatients").asInt());
        assertEquals(46, during.at("/visits/total").asInt());
        assertEquals(1, during.at("/visits/firstVisits").asInt());
        // completed by the next list of the survivor's visits: the same figures
        assertEquals(
                200,
                api.call("GET", "/patients/" + survivor + "/visits", "clinician", null)
                        .status());
        JsonNode after = report();
        assertEquals(during.get("patients"), after.get("patients"));
        assertEquals(during.get("visits"), after.get("visits"));
    }

    private JsonNode report() {
        return api.expect(200, "GET", "/reports/2024", "coordinator", null).body();
    }

    private String register() {
        return RouteChecks.registerPatient(api.testbed);
    }

    private void visit(String helpNumber, String site, String date) {
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("helpNumber", helpNumber);
        visit.put("site", site);
        visit.put("date", date);
        visit.put("service", "doctor");
        visit.put("diagnoses", List.of("A04"));
        api.expect(201, "POST", "/visits", "clinician", visit);
    }
}
