package dk.fristed.visits.visit;

import dk.fristed.icpc.IcpcCode;
import dk.fristed.records.visit.Visit;
import dk.fristed.validation.Fields;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A visit on the wire. */
public record VisitResponse(
        String id,
        String helpNumber,
        String site,
        LocalDate date,
        String service,
        String interpreterLanguage,
        List<String> diagnoses,
        boolean firstVisit,
        Instant registeredAt) {

    static VisitResponse of(Visit visit) {
        return new VisitResponse(
                visit.id(),
                visit.helpNumber().formatted(),
                visit.site(),
                visit.date(),
                Fields.wireName(visit.service()),
                visit.interpreterLanguage().orElse(null),
                visit.diagnoses().stream().map(IcpcCode::value).toList(),
                visit.firstVisit(),
                visit.registeredAt());
    }
}
