package dk.fristed.reports;

import dk.fristed.devkit.FunctionTestbed;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A referral's link to the visit it came from, and an invoice's to its visit and referral, must name a
 * record of the same patient: a typo that ties one patient's records to another's is refused with 422
 * naming the field, and nothing is written. The answer is the same whether the record does not exist or
 * is someone else's.
 */
class LinkedRecordsIT {
    private final ReportsApi api = new ReportsApi();
    private final String ana = register();
    private final String omar = register();
    private final String anasVisit = visit(ana);
    private final String omarsVisit = visit(omar);

    @Test
    void aReferral_linksOnlyToAVisitOfItsPatient() {
        assertEquals(201, referral(ana, anasVisit).status());
        for (String wrong : List.of(omarsVisit, "q7rqww35e2")) {
            var refused = referral(ana, wrong);
            assertEquals(422, refused.status(), refused.text());
            assertEquals("visitId", refused.problemField());
            assertEquals(
                    "visitId names no visit of this patient",
                    refused.body().get("detail").asText());
        }
        assertEquals(
                1,
                api.call("GET", "/patients/" + ana + "/referrals", "clinician", null)
                        .body()
                        .get("items")
                        .size(),
                "nothing written");
    }

    @Test
    void anInvoice_linksOnlyToAVisitAndAReferralOfItsPatient() {
        String anasReferral = referral(ana, anasVisit).body().get("id").asText();
        String omarsReferral = referral(omar, omarsVisit).body().get("id").asText();
        assertEquals(201, invoice(ana, anasVisit, anasReferral, "R-1").status());

        var otherVisit = invoice(ana, omarsVisit, anasReferral, "R-2");
        assertEquals(422, otherVisit.status(), otherVisit.text());
        assertEquals("visitId", otherVisit.problemField());
        for (String wrong : List.of(omarsReferral, "q7rqww35e2")) {
            var refused = invoice(ana, anasVisit, wrong, "R-3");
            assertEquals(422, refused.status(), refused.text());
            assertEquals("referralId", refused.problemField());
        }
        assertEquals(
                1,
                api.call("GET", "/patients/" + ana + "/invoices", "coordinator", null)
                        .body()
                        .get("items")
                        .size(),
                "nothing written");
        assertEquals(
                201,
                invoice(ana, anasVisit, anasReferral, "R-3").status(),
                "the number was not taken by a refused one");
    }

    private String register() {
        return api.expect(
                        201,
                        "POST",
                        "/patients",
                        "coordinator",
                        Map.of(
                                "birthYear",
                                1985,
                                "sex",
                                "female",
                                "nationality",
                                "RO",
                                "languages",
                                List.of("ro"),
                                "interpreterNeeded",
                                false))
                .body()
                .get("helpNumber")
                .asText();
    }

    private String visit(String patient) {
        return api.expect(
                        201,
                        "POST",
                        "/visits",
                        "clinician",
                        Map.of(
                                "helpNumber",
                                patient,
                                "site",
                                "odense",
                                "date",
                                "2024-05-06",
                                "service",
                                "doctor",
                                "diagnoses",
                                List.of("R05")))
                .body()
                .get("id")
                .asText();
    }

    private FunctionTestbed.Response referral(String patient, String visitId) {
        return api.call(
                "POST",
                "/referrals",
                "clinician",
                Map.of(
                        "helpNumber",
                        patient,
                        "visitId",
                        visitId,
                        "site",
                        "odense",
                        "date",
                        "2024-05-06",
                        "kind",
                        "examination",
                        "modality",
                        "x_ray",
                        "receiver",
                        "Odense University Hospital",
                        "urgency",
                        "routine",
                        "clinicalQuestion",
                        "Cough for six weeks."));
    }

    private FunctionTestbed.Response invoice(String patient, String visitId, String referralId, String number) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of(
                "helpNumber",
                patient,
                "site",
                "odense",
                "creditor",
                "Odense University Hospital",
                "invoiceNumber",
                number,
                "invoiceDate",
                "2024-05-20",
                "dueDate",
                "2024-06-20",
                "receivedOn",
                "2024-05-24",
                "amount",
                120_000,
                "currency",
                "DKK"));
        body.put("visitId", visitId);
        body.put("referralId", referralId);
        return api.call("POST", "/invoices", "coordinator", body);
    }
}
