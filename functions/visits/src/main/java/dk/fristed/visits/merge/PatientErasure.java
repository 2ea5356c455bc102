package dk.fristed.visits.merge;

import dk.fristed.audit.Actor;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.visits.patient.PatientRepository;
import dk.fristed.visits.patient.PatientRoutes;

/**
 * Erasure on request, with the merge's own way of moving visits: a merge still moving into the record
 * is completed first; then the record becomes a tombstone and its statistics a new record under a random
 * number ({@link PatientRepository#erase}); the visits move to that record in steps, as a duplicate's move
 * to its survivor; last, the tombstone's pointer goes. A request that stopped anywhere is completed by
 * its retry, so the old help number ends up leading to nothing but the tombstone.
 */
public final class PatientErasure implements PatientRoutes.Eraser {
    private final PatientRepository patients;
    private final PatientMerges merges;

    public PatientErasure(PatientRepository patients, PatientMerges merges) {
        this.patients = patients;
        this.merges = merges;
    }

    @Override
    public void erase(HelpNumber helpNumber, Actor actor) {
        patients.find(helpNumber).filter(p -> !p.erased()).ifPresent(merges::settled);
        patients.erase(helpNumber, actor).ifPresent(statistics -> {
            merges.settled(statistics);
            patients.closeErasure(helpNumber, statistics.helpNumber());
        });
    }
}
