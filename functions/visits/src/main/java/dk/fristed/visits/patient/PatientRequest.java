package dk.fristed.visits.patient;

import java.util.List;

/** The body of {@code POST /patients} and {@code PUT /patients/{helpNumber}} as the client sends it. */
public record PatientRequest(
        Integer birthYear,
        String sex,
        String nationality,
        List<String> languages,
        Boolean interpreterNeeded,
        String name,
        String phone) {
}
