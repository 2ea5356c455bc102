package dk.fristed.visits.visit;

import java.time.LocalDate;
import java.util.List;

/** The body of {@code POST /visits}. Whether it is the patient's first visit is derived, never sent. */
public record VisitRequest(
        String helpNumber,
        String site,
        LocalDate date,
        String service,
        String interpreterLanguage,
        List<String> diagnoses) {}
