package dk.fristed.reports.report;

import dk.fristed.records.visit.Visit;
import dk.fristed.reports.openday.OpenDay;
import dk.fristed.reports.openday.OpenDayKind;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recorded open days of the period and how full they were. Patients per open day: the patients
 * seen on open days, each counted once per day and site (a patient-day), divided by the open days,
 * one decimal half up. Visits on a day no one recorded as open are counted apart, so a missing record
 * shows instead of skewing the average.
 */
public record OpenDayFigures(
        int total,
        int dropIn,
        int appointment,
        Map<String, Integer> bySite,
        int patientDays,
        String patientsPerOpenDay,
        int visitsOnDaysNotRecorded) {

    static OpenDayFigures of(Collection<OpenDay> days, Collection<Visit> visits, List<String> sites) {
        Map<String, Integer> bySite = new LinkedHashMap<>();
        sites.forEach(site -> bySite.put(site, 0));
        Set<String> open = new HashSet<>();
        int dropIn = 0;
        for (OpenDay day : days) {
            bySite.merge(day.site(), 1, Integer::sum);
            dropIn += day.kind() == OpenDayKind.DROP_IN ? 1 : 0;
            open.add(day.site() + "|" + day.date());
        }
        Set<String> patientDays = new HashSet<>();
        int elsewhere = 0;
        for (Visit visit : visits) {
            String siteDay = visit.site() + "|" + visit.date();
            if (open.contains(siteDay)) {
                patientDays.add(siteDay + "|" + visit.helpNumber().value());
            } else {
                elsewhere++;
            }
        }
        return new OpenDayFigures(
                days.size(),
                dropIn,
                days.size() - dropIn,
                bySite,
                patientDays.size(),
                Percent.ratio(patientDays.size(), days.size()),
                elsewhere);
    }
}
