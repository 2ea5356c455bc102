package dk.fristed.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.fristed.auth.Role;
import dk.fristed.client.api.AdminApi;
import dk.fristed.client.api.BudgetApi;
import dk.fristed.client.api.InvoicesApi;
import dk.fristed.client.api.MetaApi;
import dk.fristed.client.api.PatientsApi;
import dk.fristed.client.api.ReferralsApi;
import dk.fristed.client.api.ReportsApi;
import dk.fristed.client.api.VisitsApi;
import dk.fristed.client.model.BudgetEntryKind;
import dk.fristed.client.model.BudgetEntryRequest;
import dk.fristed.client.model.BudgetYearRequest;
import dk.fristed.client.model.ClinicReport;
import dk.fristed.client.model.ComplaintBody;
import dk.fristed.client.model.FundingSourceRequest;
import dk.fristed.client.model.Invoice;
import dk.fristed.client.model.InvoiceChannel;
import dk.fristed.client.model.InvoiceRequest;
import dk.fristed.client.model.InvoiceStepCreditPartly;
import dk.fristed.client.model.InvoiceStepRequestCredit;
import dk.fristed.client.model.InvoiceTransition;
import dk.fristed.client.model.MergeRequest;
import dk.fristed.client.model.Patient;
import dk.fristed.client.model.PatientRequest;
import dk.fristed.client.model.Problem;
import dk.fristed.client.model.Referral;
import dk.fristed.client.model.ReferralKind;
import dk.fristed.client.model.ReferralRequest;
import dk.fristed.client.model.ReferralStepFileComplaint;
import dk.fristed.client.model.ReferralStepReject;
import dk.fristed.client.model.ReferralStepSend;
import dk.fristed.client.model.ReferralStepUpholdComplaint;
import dk.fristed.client.model.ReferralTransition;
import dk.fristed.client.model.RejectionReason;
import dk.fristed.client.model.Service;
import dk.fristed.client.model.Sex;
import dk.fristed.client.model.SourceType;
import dk.fristed.client.model.Urgency;
import dk.fristed.client.model.Visit;
import dk.fristed.client.model.VisitRequest;
import dk.fristed.devkit.FreePort;
import dk.fristed.devkit.SamTemplate;
import dk.fristed.local.LocalApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Java client generated from openapi.json in this build (openapi-generator, library native) walks README's
 * first session and the referral, invoice and budget walkthroughs against `make run`'s runner, under its stage:
 * every body it sends is typed by the description, every answer is read back into the description's models. A
 * description a generator cannot turn into a working client, or a server that answers outside it, fails here.
 */
class GeneratedClientIT {
    private static final LocalDate MARCH_4 = LocalDate.of(2025, 3, 4);

    @TempDir
    Path dataDir;

    private LocalApi api;

    @BeforeEach
    void start() throws Exception {
        api = LocalApi.start(
                SamTemplate.ofProject(), dataDir, dataDir.resolve("field-key"), FreePort.next(), FreePort.next());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void readmesFirstSession_withTheGeneratedClient() throws Exception {
        ApiClient clinician = client(Role.CLINICIAN);
        ApiClient coordinator = client(Role.COORDINATOR);
        var patients = new PatientsApi(clinician);
        var visits = new VisitsApi(clinician);

        var lists = new MetaApi(clinician).getReferenceLists();
        assertTrue(lists.getSites().contains("copenhagen")
                && lists.getDiagnosisCodes().contains("L03"));

        Patient ana = patients.registerPatient(
                patient(1985, "Ana").languages(List.of("ro")), UUID.randomUUID().toString());
        String helpNumber = ana.getHelpNumber();
        assertEquals(1, ana.getVersion());

        // a mistyped help number: a problem naming the field, never the value
        Problem mistyped = problem(400, () -> patients.getPatient(mistype(helpNumber)));
        assertEquals("helpNumber", mistyped.getField());

        // a visit sent twice with one Idempotency-Key, as a phone on a bad connection would: one visit
        String key = UUID.randomUUID().toString();
        VisitRequest visit = new VisitRequest()
                .helpNumber(helpNumber)
                .site("copenhagen")
                .date(MARCH_4)
                .service(Service.DOCTOR)
                .interpreterLanguage("ro")
                .diagnoses(Set.of("L03"));
        Visit first = visits.registerVisit(visit, key);
        Visit again = visits.registerVisit(visit, key);
        assertEquals(first.getId(), again.getId());
        assertEquals(
                1, visits.listPatientVisits(helpNumber, null, null).getItems().size());
        assertEquals(
                1,
                visits.listSiteVisits("copenhagen", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), null, null)
                        .getItems()
                        .size());
        // a code of ICPC-2's form that ICPC-2 does not have
        Problem notACode = problem(400, () -> visits.registerVisit(visit.diagnoses(Set.of("Z99")), null));
        assertEquals("diagnoses[0]", notACode.getField());

        assertEquals(
                1,
                patients.searchDuplicatePatients(1985, Sex.FEMALE, "RO", "ana", null, null)
                        .getItems()
                        .size());
        Patient changed =
                patients.replacePatient("\"1\"", helpNumber, patient(1985, null).languages(List.of("ro", "en")));
        assertEquals(2, changed.getVersion());
        assertEquals(
                "If-Match",
                problem(412, () -> patients.replacePatient("\"1\"", helpNumber, patient(1985, null)))
                        .getField());

        // a duplicate registered by mistake, merged into Ana's record; her old card still leads to her
        String duplicate = new PatientsApi(coordinator)
                .registerPatient(patient(1985, "Anna").phone("+45 20 00 00 01"), null)
                .getHelpNumber();
        visits.registerVisit(
                new VisitRequest()
                        .helpNumber(duplicate)
                        .site("aarhus")
                        .date(LocalDate.of(2025, 2, 10))
                        .service(Service.NURSE)
                        .diagnoses(Set.of("A04")),
                null);
        Patient merged = new PatientsApi(coordinator)
                .mergePatients(
                        "\"2\"",
                        helpNumber,
                        new MergeRequest()
                                .duplicate(duplicate)
                                .duplicateVersion(1)
                                .takeFromDuplicate(List.of(MergeRequest.TakeFromDuplicateEnum.PHONE)),
                        null);
        assertEquals(List.of(duplicate), merged.getMergedFrom());
        assertEquals(
                2, visits.listPatientVisits(helpNumber, null, null).getItems().size());

        // finance never reads a patient; the admin reads who did, and erases on the patient's request
        problem(403, () -> new PatientsApi(client(Role.FINANCE)).getPatient(helpNumber));
        ApiClient admin = client(Role.ADMIN);
        assertTrue(new AdminApi(admin)
                        .auditOfPatient(helpNumber, null, null)
                        .getItems()
                        .size()
                >= 3);
        new PatientsApi(admin).erasePatient(helpNumber);
        problem(410, () -> patients.getPatient(helpNumber));
    }

    @Test
    void theReferralInvoiceAndBudgetWalkthroughs_withTheGeneratedClient() throws Exception {
        ApiClient clinician = client(Role.CLINICIAN);
        String helpNumber = new PatientsApi(clinician)
                .registerPatient(patient(1990, null).sex(Sex.MALE).nationality("SY"), null)
                .getHelpNumber();

        // a referral: drafted, sent, rejected with a reason, complained about, the complaint upheld
        var referrals = new ReferralsApi(clinician);
        Referral referral = referrals.createReferral(
                new ReferralRequest()
                        .helpNumber(helpNumber)
                        .site("copenhagen")
                        .date(MARCH_4)
                        .kind(ReferralKind.SPECIALIST)
                        .specialty("cardiology")
                        .receiver("Bispebjerg Hospital")
                        .urgency(Urgency.ROUTINE)
                        .clinicalQuestion("Chest pain on exertion."),
                UUID.randomUUID().toString());
        String id = referral.getId();
        referral = referrals.moveReferral(
                etag(referral.getVersion()),
                id,
                new ReferralTransition(new ReferralStepSend()
                        .action(ReferralStepSend.ActionEnum.SEND)
                        .date(MARCH_4)));
        referral = referrals.moveReferral(
                etag(referral.getVersion()),
                id,
                new ReferralTransition(new ReferralStepReject()
                        .action(ReferralStepReject.ActionEnum.REJECT)
                        .reason(RejectionReason.NO_HEALTH_RIGHTS)
                        .note("Hospital wants an EHIC")));
        referral = referrals.moveReferral(
                etag(referral.getVersion()),
                id,
                new ReferralTransition(new ReferralStepFileComplaint()
                        .action(ReferralStepFileComplaint.ActionEnum.FILE_COMPLAINT)
                        .complaintBody(ComplaintBody.COUNTY_GOVERNOR)));
        referral = referrals.moveReferral(
                etag(referral.getVersion()),
                id,
                new ReferralTransition(new ReferralStepUpholdComplaint()
                        .action(ReferralStepUpholdComplaint.ActionEnum.UPHOLD_COMPLAINT)));
        assertEquals("accepted", referral.getState().getValue());
        assertEquals(5, referrals.getReferral(id).getHistory().size());

        // an invoice the patient brought, credited in part
        var invoices = new InvoicesApi(client(Role.COORDINATOR));
        Invoice invoice = invoices.createInvoice(
                new InvoiceRequest()
                        .helpNumber(helpNumber)
                        .site("copenhagen")
                        .creditor("Rigshospitalet")
                        .invoiceNumber("2025-004217")
                        .invoiceDate(LocalDate.of(2025, 2, 20))
                        .dueDate(LocalDate.of(2025, 3, 22))
                        .receivedOn(LocalDate.of(2025, 2, 27))
                        .amount(1_245_000L)
                        .currency("DKK")
                        .referralId(id),
                UUID.randomUUID().toString());
        invoice = invoices.moveInvoice(
                etag(invoice.getVersion()),
                invoice.getId(),
                new InvoiceTransition(new InvoiceStepRequestCredit()
                        .action(InvoiceStepRequestCredit.ActionEnum.REQUEST_CREDIT)
                        .channel(InvoiceChannel.LETTER)
                        .reference("Sag 17-221")
                        .date(LocalDate.of(2025, 2, 28))));
        invoice = invoices.moveInvoice(
                etag(invoice.getVersion()),
                invoice.getId(),
                new InvoiceTransition(new InvoiceStepCreditPartly()
                        .action(InvoiceStepCreditPartly.ActionEnum.CREDIT_PARTLY)
                        .amount(400_000L)
                        .currency("DKK")
                        .date(LocalDate.of(2025, 3, 10))));
        assertEquals(845_000L, invoice.getOutstanding());

        // the year's need, a branch's payment, the progress; then the year's report
        var budget = new BudgetApi(client(Role.FINANCE));
        budget.createBudgetYear(
                new BudgetYearRequest().year(2025).need(338_037_500L).currency("DKK"),
                UUID.randomUUID().toString());
        String branch = budget.createFundingSource(
                        new FundingSourceRequest()
                                .type(SourceType.RED_CROSS_BRANCH)
                                .name("Aarhus branch"),
                        null)
                .getId();
        budget.addBudgetEntry(
                2025,
                new BudgetEntryRequest()
                        .kind(BudgetEntryKind.PAYMENT)
                        .sourceId(branch)
                        .amount(202_822_500L)
                        .currency("DKK")
                        .date(LocalDate.of(2025, 2, 10)),
                UUID.randomUUID().toString());
        assertEquals(202_822_500L, budget.budgetProgress(2025).getReceived());
        // a file for people: the client saves it as a file; a Danish spreadsheet's amounts
        Path saved = budget.exportBudget(2025, "da").toPath();
        String ledger = Files.readString(saved, StandardCharsets.UTF_8);
        Files.delete(saved);
        assertTrue(ledger.contains(";2028225,00;"), ledger);

        var report = new ReportsApi(client(Role.COORDINATOR)).yearReport(2025, null, "json", "internal", null);
        ClinicReport figures = report.getClinicReport();
        assertEquals(1, figures.getReferrals().getReferrals());
        assertEquals(202_822_500L, figures.getFunding().getReceived());
    }

    private ApiClient client(Role role) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(api.baseUrl());
        String token = api.authority().issue(role.groupName() + "-1", List.of(role));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static PatientRequest patient(int birthYear, String name) {
        return new PatientRequest()
                .birthYear(birthYear)
                .sex(Sex.FEMALE)
                .nationality("RO")
                .languages(List.of("ro"))
                .interpreterNeeded(true)
                .name(name);
    }

    private static String etag(Integer version) {
        return "\"" + version + "\"";
    }

    /** The same help number with its check character changed: a typo the check catches. */
    private static String mistype(String helpNumber) {
        char last = helpNumber.charAt(helpNumber.length() - 1);
        return helpNumber.substring(0, helpNumber.length() - 1) + (last == 'A' ? 'C' : 'A');
    }

    /** The call fails with this status; its body is read as the description's Problem. */
    private static Problem problem(int status, Executable call) throws Exception {
        ApiException failed = assertThrows(ApiException.class, call);
        assertEquals(status, failed.getCode(), failed.getResponseBody());
        return new ObjectMapper().readValue(failed.getResponseBody(), Problem.class);
    }
}
