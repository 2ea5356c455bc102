package dk.fristed.reports.report;

import java.util.Map;

/** A calendar year's internal reports for all sites and for each site: the tables a publishable version is protected across. */
public record YearFamily(ClinicReport all, Map<String, ClinicReport> bySite) {}
