package dk.fristed.referrals.referral;

/** What moves a referral from one state to the next ({@code POST /referrals/{id}/transitions}). */
public enum Action {
    SEND,
    ACCEPT,
    BOOK_APPOINTMENT,
    COMPLETE,
    REJECT,
    FILE_COMPLAINT,
    UPHOLD_COMPLAINT,
    DISMISS_COMPLAINT,
    CLOSE,
    NOT_ATTENDED,
    CANCEL,
    /** Not sent as an action: a new referral that names the rejected one it replaces does it. */
    REFER_AGAIN
}
