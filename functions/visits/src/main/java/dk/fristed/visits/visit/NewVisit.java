package dk.fristed.visits.visit;

import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.icpc.IcpcCode;
import dk.fristed.problem.ApiProblem;
import dk.fristed.records.visit.Service;
import dk.fristed.site.Sites;
import dk.fristed.validation.Fields;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A validated {@link VisitRequest}. */
public record NewVisit(
        HelpNumber helpNumber,
        String site,
        LocalDate date,
        Service service,
        Optional<String> interpreterLanguage,
        List<IcpcCode> diagnoses) {

    /** The Oslo centre opened in 2009, the Copenhagen clinic in 2011: nothing older can be a visit. */
    static final LocalDate EARLIEST = LocalDate.of(2009, 1, 1);

    static final int MAX_DIAGNOSES = 20;

    /** @param today the clinic's date; a visit may be registered for today or earlier */
    static NewVisit from(VisitRequest request, Sites sites, LocalDate today) {
        HelpNumber helpNumber = HelpNumber.parse(request.helpNumber(), "helpNumber");
        String site = sites.require(request.site(), "site");
        LocalDate date = Fields.required(request.date(), "date");
        if (date.isBefore(EARLIEST) || date.isAfter(today)) {
            throw ApiProblem.badRequest("date", "must be a date from " + EARLIEST + " to today");
        }
        Service service = Fields.oneOf(Service.class, request.service(), "service");
        Optional<String> interpreter = request.interpreterLanguage() == null
                ? Optional.empty()
                : Optional.of(Fields.language(request.interpreterLanguage(), "interpreterLanguage"));
        List<String> codes = request.diagnoses() == null ? List.of() : request.diagnoses();
        if (codes.size() > MAX_DIAGNOSES) {
            throw ApiProblem.badRequest("diagnoses", "may list at most " + MAX_DIAGNOSES + " codes");
        }
        List<IcpcCode> diagnoses = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            IcpcCode code = IcpcCode.parse(codes.get(i), "diagnoses[" + i + "]");
            if (diagnoses.contains(code)) {
                // a diagnosis counts once per visit in the reports: a repeated code is a mistake to fix, not to drop
                throw ApiProblem.badRequest(
                        "diagnoses[" + i + "]", "repeats diagnoses[" + diagnoses.indexOf(code) + "]");
            }
            diagnoses.add(code);
        }
        return new NewVisit(helpNumber, site, date, service, interpreter, List.copyOf(diagnoses));
    }
}
