package dk.fristed.records.referral;

/** Why a receiver rejected a referral: a fixed list, so that rejections can be counted by reason. */
public enum RejectionReason {
    NO_HEALTH_RIGHTS,
    NOT_MEDICALLY_INDICATED,
    INCOMPLETE_REFERRAL,
    WRONG_RECEIVER,
    OTHER
}
