package dk.fristed.admin;

import dk.fristed.audit.AuditEntry;
import dk.fristed.helpnumber.HelpNumber;

import java.util.Arrays;
import java.util.List;

/** An audit entry as an admin reads it. */
public record AuditEntryResponse(String helpNumber, String subject, List<String> roles, String route, String action, String at) {

    static AuditEntryResponse of(AuditEntry entry) {
        return new AuditEntryResponse(new HelpNumber(entry.getHelpNumber()).formatted(), entry.getSubject(),
                entry.getRoles() == null || entry.getRoles().isBlank() ? List.of() : Arrays.asList(entry.getRoles().split(" ")),
                entry.getRoute(), entry.getAction(), entry.getAt());
    }
}
