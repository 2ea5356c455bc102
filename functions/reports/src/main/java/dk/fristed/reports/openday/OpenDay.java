package dk.fristed.reports.openday;

import java.time.Instant;
import java.time.LocalDate;

/** A day a site was open, as a coordinator recorded it; the reports count these. No patient in it. */
public record OpenDay(
        String site, LocalDate date, OpenDayKind kind, long version, String recordedBy, Instant recordedAt) {}
