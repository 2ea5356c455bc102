package dk.fristed.reports.report;

import dk.fristed.icpc.IcpcChapter;
import dk.fristed.icpc.IcpcCode;
import dk.fristed.records.visit.Visit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ICPC-2 codes recorded at the period's visits, by chapter (the code's letter). A code counts once
 * per visit: registration refuses the same code twice in one visit.
 */
public record DiagnosisFigures(int total, Map<String, Integer> byChapter) {

    static DiagnosisFigures of(Collection<Visit> visits) {
        Map<String, Integer> byChapter = new LinkedHashMap<>();
        for (IcpcChapter chapter : IcpcChapter.values()) {
            byChapter.put(chapter.name(), 0);
        }
        int total = 0;
        for (Visit visit : visits) {
            for (IcpcCode code : visit.diagnoses()) {
                byChapter.merge(code.chapter().name(), 1, Integer::sum);
                total++;
            }
        }
        return new DiagnosisFigures(total, byChapter);
    }
}
