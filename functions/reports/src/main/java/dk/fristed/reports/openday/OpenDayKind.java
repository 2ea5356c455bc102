package dk.fristed.reports.openday;

/** How a site was open that day: anyone could walk in, or patients came by appointment. */
public enum OpenDayKind {
    DROP_IN,
    APPOINTMENT
}
