package dk.fristed.visits.visit;

import dk.fristed.records.patient.Patient;

/**
 * Visits still moving into a patient's record (a merge, or an erasure, stopped half way): completed before
 * a visit is registered for the patient or their visits are listed, so neither sees half the picture.
 * The merge package does it; the visits only ask.
 */
public interface PendingMoves {
    /** The patient as it is once nothing is moving into it any more. */
    Patient settled(Patient patient);
}
