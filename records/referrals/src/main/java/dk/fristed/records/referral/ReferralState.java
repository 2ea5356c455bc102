package dk.fristed.records.referral;

/**
 * Where a referral stands, with its HL7 FHIR mapping (ServiceRequest.status; Task.status and
 * Task.businessStatus), so that a FHIR export is a mapping and not a redesign. docs/workflows.md has the table.
 */
public enum ReferralState {
    DRAFTED("draft", "draft", null, true),
    SENT("active", "requested", null, true),
    ACCEPTED("active", "accepted", null, true),
    APPOINTMENT_BOOKED("active", "in-progress", "appointment-booked", true),
    COMPLETED("completed", "completed", "result-received", false),
    REJECTED("on-hold", "rejected", null, true),
    COMPLAINT_FILED("on-hold", "rejected", "complaint-filed", true),
    CLOSED("revoked", "rejected", "closed-after-rejection", false),
    REFERRED_AGAIN("revoked", "rejected", "replaced-by-new-referral", false),
    NOT_ATTENDED("revoked", "failed", "patient-did-not-attend", false),
    CANCELLED("revoked", "cancelled", null, false);

    private final String serviceRequestStatus;
    private final String taskStatus;
    private final String taskBusinessStatus;
    private final boolean open;

    ReferralState(String serviceRequestStatus, String taskStatus, String taskBusinessStatus, boolean open) {
        this.serviceRequestStatus = serviceRequestStatus;
        this.taskStatus = taskStatus;
        this.taskBusinessStatus = taskBusinessStatus;
        this.open = open;
    }

    /** FHIR ServiceRequest.status. */
    public String serviceRequestStatus() {
        return serviceRequestStatus;
    }

    /** FHIR Task.status (a drafted referral has no Task yet: FHIR's "draft"). */
    public String taskStatus() {
        return taskStatus;
    }

    /** FHIR Task.businessStatus where Task.status alone does not say it, else null. */
    public String taskBusinessStatus() {
        return taskBusinessStatus;
    }

    /** Open referrals still wait for something; only they can be cancelled. */
    public boolean open() {
        return open;
    }
}
