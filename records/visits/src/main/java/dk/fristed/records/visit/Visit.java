package dk.fristed.records.visit;

import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.icpc.IcpcCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One consultation. Its key within the patient is {@code date#id}, so a patient's visits and a
 * site's visits come out of DynamoDB in date order.
 */
public record Visit(
        HelpNumber helpNumber,
        String id,
        String site,
        LocalDate date,
        Service service,
        Optional<String> interpreterLanguage,
        List<IcpcCode> diagnoses,
        boolean firstVisit,
        Instant registeredAt) {

    /** The same visit counted under another help number: the survivor of a merge still moving it. */
    public Visit under(HelpNumber survivor) {
        return new Visit(survivor, id, site, date, service, interpreterLanguage, diagnoses, firstVisit, registeredAt);
    }

    public String key() {
        return key(date, id);
    }

    public static String key(LocalDate date, String id) {
        return date + "#" + id;
    }
}
