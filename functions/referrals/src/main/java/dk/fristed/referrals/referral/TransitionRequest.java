package dk.fristed.referrals.referral;

import java.time.LocalDate;

/**
 * The body of {@code POST /referrals/{referralId}/transitions}: the action, the day it happened (today
 * if left out) and what that action records: {@code appointmentDate} (book_appointment), {@code reason}
 * (reject), {@code complaintBody} (file_complaint), a {@code note} (required to cancel).
 */
public record TransitionRequest(
        String action, LocalDate date, LocalDate appointmentDate, String reason, String complaintBody, String note) {}
