package dk.fristed.reports.report;

import dk.fristed.calendar.Period;
import dk.fristed.records.patient.Patient;
import dk.fristed.records.patient.Sex;
import dk.fristed.validation.Fields;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The patients seen in a period (at a site, or anywhere): each counts once however many visits. New:
 * the first visit ever falls in the period. Age: the age reached in the report's year, from the birth
 * year. Children: under 18. Countries: distinct nationalities, "XX" (not known) left out. Nationalities
 * are listed largest first, with their share of the patients.
 */
public record PatientFigures(
        int total,
        int newPatients,
        int newChildren,
        Map<String, Integer> bySex,
        Map<String, Integer> byAgeGroup,
        int countries,
        List<Nationality> byNationality) {
    static final int CHILD_UNTIL = 18;

    public record Nationality(String nationality, int patients, String share) {}

    static PatientFigures of(Collection<Patient> patients, Period period, int ageYear, AgeGroups ageGroups) {
        Map<String, Integer> bySex = new LinkedHashMap<>();
        for (Sex sex : Sex.values()) {
            bySex.put(Fields.wireName(sex), 0);
        }
        Map<String, Integer> byAge = new LinkedHashMap<>();
        ageGroups.names().forEach(name -> byAge.put(name, 0));
        Map<String, Integer> byNationality = new TreeMap<>();
        int newPatients = 0;
        int newChildren = 0;
        for (Patient patient : patients) {
            var details = patient.details();
            int age = ageYear - details.birthYear();
            boolean isNew = patient.firstVisitDate()
                    .filter(d -> !d.isBefore(period.from()) && !d.isAfter(period.to()))
                    .isPresent();
            newPatients += isNew ? 1 : 0;
            newChildren += isNew && age < CHILD_UNTIL ? 1 : 0;
            bySex.merge(Fields.wireName(details.sex()), 1, Integer::sum);
            byAge.merge(ageGroups.of(age), 1, Integer::sum);
            byNationality.merge(details.nationality(), 1, Integer::sum);
        }
        int total = patients.size();
        List<Nationality> nationalities = byNationality.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Nationality(e.getKey(), e.getValue(), Percent.of(e.getValue(), total)))
                .toList();
        int countries = (int) byNationality.keySet().stream()
                .filter(n -> !n.equals(Fields.UNKNOWN_NATIONALITY))
                .count();
        return new PatientFigures(total, newPatients, newChildren, bySex, byAge, countries, nationalities);
    }
}
