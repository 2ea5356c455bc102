package dk.fristed.visits.merge;

import dk.fristed.records.patient.PatientDetails;
import dk.fristed.validation.Fields;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A personal field the survivor may take from the duplicate; it keeps its own of all the others. The
 * languages come with the interpreter need they decide.
 */
public enum TakenField {
    NAME,
    PHONE,
    LANGUAGES;

    static Set<TakenField> parse(List<String> given) {
        Set<TakenField> taken = EnumSet.noneOf(TakenField.class);
        if (given != null) {
            for (int i = 0; i < given.size(); i++) {
                taken.add(Fields.oneOf(TakenField.class, given.get(i), "takeFromDuplicate[" + i + "]"));
            }
        }
        return taken;
    }

    /** The survivor's details with the taken fields replaced by the duplicate's. */
    static PatientDetails combine(PatientDetails survivor, PatientDetails duplicate, Set<TakenField> taken) {
        Optional<String> name = taken.contains(NAME) ? duplicate.name() : survivor.name();
        Optional<String> phone = taken.contains(PHONE) ? duplicate.phone() : survivor.phone();
        PatientDetails speaking = taken.contains(LANGUAGES) ? duplicate : survivor;
        return new PatientDetails(
                survivor.birthYear(),
                survivor.sex(),
                survivor.nationality(),
                speaking.languages(),
                speaking.interpreterNeeded(),
                name,
                phone);
    }
}
