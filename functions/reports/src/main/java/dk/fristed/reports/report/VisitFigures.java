package dk.fristed.reports.report;

import dk.fristed.records.visit.Service;
import dk.fristed.records.visit.Visit;
import dk.fristed.validation.Fields;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The period's visits (consultations: one service each): per site, per service and per area as the Oslo
 * report groups them, and how many were a patient's first visit ever. A returning visit is any other;
 * its share is of all the period's visits.
 */
public record VisitFigures(
        int total,
        Map<String, Integer> bySite,
        Map<String, Integer> byService,
        Map<String, Integer> byArea,
        int firstVisits,
        int returningVisits,
        String returningShare) {

    /** The areas of the Oslo report: somatic, mental health, dental, social worker. */
    static String area(Service service) {
        return switch (service) {
            case PSYCHOLOGIST -> "mental_health";
            case DENTIST -> "dental";
            case SOCIAL_WORKER -> "social_worker";
            case DOCTOR, NURSE, MIDWIFE, PHYSIOTHERAPIST, LAB -> "somatic";
        };
    }

    static VisitFigures of(Collection<Visit> visits, List<String> sites) {
        Map<String, Integer> bySite = new LinkedHashMap<>();
        sites.forEach(site -> bySite.put(site, 0));
        Map<String, Integer> byService = new LinkedHashMap<>();
        Map<String, Integer> byArea = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            byService.put(Fields.wireName(service), 0);
            byArea.putIfAbsent(area(service), 0);
        }
        int first = 0;
        for (Visit visit : visits) {
            bySite.merge(visit.site(), 1, Integer::sum);
            byService.merge(Fields.wireName(visit.service()), 1, Integer::sum);
            byArea.merge(area(visit.service()), 1, Integer::sum);
            first += visit.firstVisit() ? 1 : 0;
        }
        int returning = visits.size() - first;
        return new VisitFigures(
                visits.size(), bySite, byService, byArea, first, returning, Percent.of(returning, visits.size()));
    }
}
