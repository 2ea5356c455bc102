package dk.fristed.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A clinic year made through the public API, and what it is known to hold: patients (some first seen
 * in 2023, some children, a few of rare nationalities), their visits over 2023 to early 2025, the
 * sites' open days (one day with visits left unrecorded), referrals with rejections and a complaint,
 * invoices credited in full and in part, and the 2024 budget. The expected figures are counted here,
 * from what was sent, not by the code under test.
 */
final class ClinicYear {
    record Patient(String helpNumber, int birthYear, String sex, String nationality) {}

    record Visit(Patient patient, String site, LocalDate date, String service, List<String> diagnoses) {}

    record Referral(String site, LocalDate date, String kind, String rejectionReason, boolean complaint) {}

    record Invoice(String site, LocalDate received, long amount, long credited) {}

    static final List<String> SITES = ReportsApi.SITES.names();
    static final List<String> SEXES = List.of("female", "female", "female", "male", "male", "other", "unknown");
    static final List<String> NATIONALITIES = List.of(
            "RO", "RO", "RO", "RO", "RO", "RO", "RO", "ET", "ET", "IR", "IR", "IQ", "SO", "ER", "PL", "AF", "XX", "SY",
            "UA");
    static final List<String> SERVICES = List.of(
            "doctor",
            "doctor",
            "doctor",
            "nurse",
            "midwife",
            "dentist",
            "physiotherapist",
            "psychologist",
            "social_worker",
            "lab");
    static final List<String> CODES = List.of(
            "L03", "L86", "D01", "D84", "S18", "S74", "P76", "P01", "K86", "H71", "X14", "A04", "T90", "R74", "W11",
            "Z01", "N01", "F70", "U71", "Y07", "B80");
    static final List<String> KINDS =
            List.of("examination", "specialist", "psychiatric_outpatient", "acute_admission", "other");
    static final List<String> REASONS = List.of("no_health_rights", "not_medically_indicated", "incomplete_referral");

    final List<Patient> patients = new ArrayList<>();
    final List<Visit> visits = new ArrayList<>();
    /** site|date -> drop_in or appointment. */
    final Map<String, String> openDays = new LinkedHashMap<>();

    final List<Referral> referrals = new ArrayList<>();
    final List<Invoice> invoices = new ArrayList<>();
    final long need = 3_380_375_00L;
    final long received = 1_014_112_50L;

    /** Makes the year through the API: {@code patientCount} patients, seeded so each run is the same year. */
    static ClinicYear make(ReportsApi api, int patientCount, long seed) {
        Random random = new Random(seed);
        ClinicYear year = new ClinicYear();
        for (int i = 0; i < patientCount; i++) {
            Patient p = year.register(api, random);
            List<LocalDate> dates = new ArrayList<>();
            if (random.nextInt(4) == 0) {
                dates.add(day(random, 2023));
            }
            int inYear = 1 + random.nextInt(4);
            for (int v = 0; v < inYear; v++) {
                dates.add(day(random, 2024));
            }
            if (random.nextInt(5) == 0) {
                dates.add(LocalDate.of(2025, 1, 1).plusDays(random.nextInt(59)));
            }
            dates.sort(null);
            for (LocalDate date : dates) {
                year.visit(api, p, SITES.get(random.nextInt(SITES.size())), date, random);
            }
        }
        year.recordOpenDays(api, random);
        year.makeReferrals(api, random);
        year.makeInvoices(api, random);
        year.makeBudget(api);
        return year;
    }

    private static LocalDate day(Random random, int year) {
        return LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
    }

    private Patient register(ReportsApi api, Random random) {
        int birthYear = random.nextInt(8) == 0 ? 2008 + random.nextInt(16) : 1940 + random.nextInt(70);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("birthYear", birthYear);
        body.put("sex", SEXES.get(random.nextInt(SEXES.size())));
        body.put("nationality", NATIONALITIES.get(random.nextInt(NATIONALITIES.size())));
        body.put("languages", List.of("en"));
        body.put("interpreterNeeded", false);
        body.put("name", "Patient " + patients.size());
        String helpNumber = api.expect(201, "POST", "/patients", "coordinator", body)
                .body()
                .get("helpNumber")
                .asText();
        Patient p = new Patient(helpNumber, birthYear, (String) body.get("sex"), (String) body.get("nationality"));
        patients.add(p);
        return p;
    }

    private void visit(ReportsApi api, Patient p, String site, LocalDate date, Random random) {
        Set<String> codes = new TreeSet<>();
        int count = random.nextInt(4);
        while (codes.size() < count) {
            codes.add(CODES.get(random.nextInt(CODES.size())));
        }
        String service = SERVICES.get(random.nextInt(SERVICES.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("helpNumber", p.helpNumber());
        body.put("site", site);
        body.put("date", date.toString());
        body.put("service", service);
        body.put("diagnoses", List.copyOf(codes));
        api.expect(201, "POST", "/visits", "clinician", body);
        visits.add(new Visit(p, site, date, service, List.copyOf(codes)));
    }

    /** Every site-day with visits is recorded open, but one; three days are open without a visit. */
    private void recordOpenDays(ReportsApi api, Random random) {
        Set<String> days = new TreeSet<>();
        visits.forEach(v -> days.add(v.site() + "|" + v.date()));
        days.add("aarhus|2024-02-29");
        days.add("odense|2024-07-01");
        days.add("copenhagen|2024-12-30");
        String skipped = visits.stream()
                .filter(v -> v.date().getYear() == 2024)
                .findFirst()
                .map(v -> v.site() + "|" + v.date())
                .orElseThrow();
        for (String day : days) {
            if (day.equals(skipped) || openDays.containsKey(day)) {
                continue;
            }
            String[] parts = day.split("\\|");
            String kind = random.nextInt(3) == 0 ? "appointment" : "drop_in";
            api.expect(201, "PUT", "/open-days/" + parts[0] + "/" + parts[1], "coordinator", Map.of("kind", kind));
            openDays.put(day, kind);
        }
    }

    private void makeReferrals(ReportsApi api, Random random) {
        for (int i = 0; i < 14; i++) {
            Visit v = visits.get(random.nextInt(visits.size()));
            LocalDate date = LocalDate.of(2024, 1 + i % 12, 3 + i);
            String kind = KINDS.get(i % KINDS.size());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("helpNumber", v.patient().helpNumber());
            body.put("site", v.site());
            body.put("date", date.toString());
            body.put("kind", kind);
            if (kind.equals("examination")) {
                body.put("modality", "ultrasound");
            } else if (kind.equals("specialist")) {
                body.put("specialty", "cardiology");
            }
            body.put("receiver", "Rigshospitalet");
            body.put("urgency", "routine");
            body.put("clinicalQuestion", "Pain for three months.");
            String id = api.expect(201, "POST", "/referrals", "clinician", body)
                    .body()
                    .get("id")
                    .asText();
            String reason = i % 4 == 1 ? REASONS.get(i % REASONS.size()) : null;
            boolean complaint = i == 5;
            List<Map<String, Object>> steps = new ArrayList<>(List.of(action("send", "date", date.toString())));
            if (reason != null) {
                steps.add(action("reject", "date", date.plusDays(5).toString(), "reason", reason));
                if (complaint) {
                    steps.add(action(
                            "file_complaint",
                            "date",
                            date.plusDays(9).toString(),
                            "complaintBody",
                            "patient_complaints_board"));
                }
            } else if (i % 3 == 0) {
                steps.add(action("accept", "date", date.plusDays(4).toString()));
            }
            dk.fristed.devkit.RouteChecks.walk(api.testbed, "/referrals/" + id, "clinician", 1, steps);
            referrals.add(new Referral(v.site(), date, kind, reason, complaint));
        }
    }

    private void makeInvoices(ReportsApi api, Random random) {
        for (int i = 0; i < 9; i++) {
            Visit v = visits.get(random.nextInt(visits.size()));
            LocalDate receivedOn = LocalDate.of(2024, 1 + i, 10);
            long amount = 1_000_00L + 12_345L * i;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("helpNumber", v.patient().helpNumber());
            body.put("site", v.site());
            body.put("creditor", "Rigshospitalet");
            body.put("invoiceNumber", "R-" + i);
            body.put("invoiceDate", receivedOn.minusDays(3).toString());
            body.put("dueDate", receivedOn.plusDays(30).toString());
            body.put("receivedOn", receivedOn.toString());
            body.put("amount", amount);
            body.put("currency", "DKK");
            String id = api.expect(201, "POST", "/invoices", "coordinator", body)
                    .body()
                    .get("id")
                    .asText();
            long credited = 0;
            List<Map<String, Object>> steps = new ArrayList<>(List.of(action(
                    "request_credit",
                    "channel",
                    "letter",
                    "date",
                    receivedOn.plusDays(1).toString())));
            if (i % 3 == 0) {
                steps.add(
                        action("credit_in_full", "date", receivedOn.plusDays(12).toString()));
                credited = amount;
            } else if (i % 3 == 1) {
                steps.add(action(
                        "credit_partly",
                        "date",
                        receivedOn.plusDays(12).toString(),
                        "amount",
                        500_00L,
                        "currency",
                        "DKK"));
                credited = 500_00L;
            }
            dk.fristed.devkit.RouteChecks.walk(api.testbed, "/invoices/" + id, "coordinator", 1, steps);
            invoices.add(new Invoice(v.site(), receivedOn, amount, credited));
        }
    }

    private void makeBudget(ReportsApi api) {
        api.expect(
                201,
                "POST",
                "/budget/years",
                "finance",
                Map.of("year", 2024, "need", need, "currency", "DKK", "plan", Map.of()));
        String source = api.expect(
                        201,
                        "POST",
                        "/budget/sources",
                        "finance",
                        Map.of("type", "red_cross_branch", "name", "Odense branch"))
                .body()
                .get("id")
                .asText();
        api.expect(
                201,
                "POST",
                "/budget/years/2024/entries",
                "finance",
                Map.of(
                        "kind",
                        "payment",
                        "sourceId",
                        source,
                        "amount",
                        received,
                        "currency",
                        "DKK",
                        "date",
                        "2024-05-02"));
    }

    private static Map<String, Object> action(String action, Object... more) {
        return dk.fristed.devkit.RouteChecks.action(action, more);
    }

    /** The first visit ever of each patient. */
    Map<Patient, LocalDate> firstVisits() {
        Map<Patient, LocalDate> first = new HashMap<>();
        visits.forEach(v -> first.merge(v.patient(), v.date(), (a, b) -> a.isBefore(b) ? a : b));
        return first;
    }
}
