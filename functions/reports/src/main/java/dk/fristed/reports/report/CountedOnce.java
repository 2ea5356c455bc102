package dk.fristed.reports.report;

import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.records.patient.Patient;
import dk.fristed.records.visit.Visit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The period's visits and patients with each person once. A merge moves a duplicate's visits to the
 * survivor in steps; while one is still moving (a crash stopped it, the next request resumes it), some
 * visits carry the duplicate's help number, whose record points to the survivor. Those visits count
 * under the survivor, and the survivor's record (with the merged first visit) stands for both. Nothing
 * is moving in the usual case, and then this changes nothing and reads nothing.
 */
record CountedOnce(List<Visit> visits, List<Patient> patients) {

    /** @param read reads the survivors not among {@code patients}, a batch of at most a hundred at a time */
    static CountedOnce of(List<Visit> visits, List<Patient> patients, Function<List<HelpNumber>, List<Patient>> read) {
        Map<HelpNumber, HelpNumber> survivors = patients.stream()
                .filter(p -> p.mergedInto().isPresent())
                .collect(Collectors.toMap(
                        Patient::helpNumber, p -> p.mergedInto().get()));
        if (survivors.isEmpty()) {
            return new CountedOnce(visits, patients);
        }
        List<Patient> counted = new ArrayList<>(
                patients.stream().filter(p -> p.mergedInto().isEmpty()).toList());
        Set<HelpNumber> known = counted.stream().map(Patient::helpNumber).collect(Collectors.toSet());
        List<HelpNumber> missing = survivors.values().stream()
                .distinct()
                .filter(h -> !known.contains(h))
                .toList();
        PeriodRecords.batches(missing).forEach(batch -> counted.addAll(read.apply(batch)));
        List<Visit> under = visits.stream()
                .map(v -> survivors.containsKey(v.helpNumber()) ? v.under(survivors.get(v.helpNumber())) : v)
                .toList();
        return new CountedOnce(under, counted);
    }
}
