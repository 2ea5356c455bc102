package dk.fristed.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The clinics' calendar: dates of visits, referrals and deadlines are Copenhagen's (and Oslo's) dates, not UTC's. */
public final class ClinicCalendar {
    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private ClinicCalendar() {}

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
