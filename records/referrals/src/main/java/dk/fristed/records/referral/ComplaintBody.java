package dk.fristed.records.referral;

/** Where a rejection was complained to: the hospital, Statsforvalteren (the county governor), the Danish Patient Complaints Board. */
public enum ComplaintBody {
    HOSPITAL,
    COUNTY_GOVERNOR,
    PATIENT_COMPLAINTS_BOARD,
    OTHER
}
