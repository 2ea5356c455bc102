package dk.fristed.admin;

import dk.fristed.audit.AuditEntry;
import dk.fristed.helpnumber.HelpNumber;

import java.util.Arrays;
import java.util.List;

/**
 * An audit entry as an admin reads it. A read of aggregate figures (a report) names no patient: its
 * help number is null and {@code about} says which figures (period, site, version).
 */
public record AuditEntryResponse(
        String helpNumber, String subject, List<String> roles, String route, String action, String at, String about) {

    static AuditEntryResponse of(AuditEntry entry) {
        boolean aggregate = AuditEntry.AGGREGATE.equals(entry.getHelpNumber());
        return new AuditEntryResponse(
                aggregate ? null : new HelpNumber(entry.getHelpNumber()).formatted(),
                entry.getSubject(),
                entry.getRoles() == null || entry.getRoles().isBlank()
                        ? List.of()
                        : Arrays.asList(entry.getRoles().split(" ")),
                entry.getRoute(),
                entry.getAction(),
                entry.getAt(),
                entry.getAbout());
    }
}
