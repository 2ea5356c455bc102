package dk.fristed.referrals.referral;

import dk.fristed.problem.ApiProblem;
import dk.fristed.records.referral.ComplaintBody;
import dk.fristed.records.referral.Referral;
import dk.fristed.records.referral.RejectionReason;
import dk.fristed.validation.Fields;

import java.time.LocalDate;
import java.util.Optional;

/** A validated {@link TransitionRequest}: each action takes exactly the fields it records. */
public record Transition(
        Action action,
        LocalDate date,
        Optional<LocalDate> appointmentDate,
        Optional<RejectionReason> reason,
        Optional<ComplaintBody> complaintBody,
        Optional<String> note) {

    static final int MAX_NOTE = 2000;

    static Transition from(TransitionRequest request, LocalDate referralDate, LocalDate today) {
        Action action = Fields.oneOf(Action.class, request.action(), "action");
        if (action == Action.REFER_AGAIN) {
            throw ApiProblem.badRequest(
                    "action", "refer_again is done by POST /referrals with replaces naming the rejected referral");
        }
        LocalDate date = request.date() == null ? today : request.date();
        if (date.isBefore(referralDate) || date.isAfter(today)) {
            throw ApiProblem.badRequest("date", "must be from the referral's date to today");
        }
        Optional<LocalDate> appointment =
                onlyFor(action, Action.BOOK_APPOINTMENT, request.appointmentDate(), "appointmentDate");
        if (appointment.isPresent() && appointment.get().isBefore(referralDate)) {
            throw ApiProblem.badRequest("appointmentDate", "must not be before the referral's date");
        }
        Optional<RejectionReason> reason = onlyFor(action, Action.REJECT, request.reason(), "reason")
                .map(r -> Fields.oneOf(RejectionReason.class, r, "reason"));
        Optional<ComplaintBody> body = onlyFor(action, Action.FILE_COMPLAINT, request.complaintBody(), "complaintBody")
                .map(b -> Fields.oneOf(ComplaintBody.class, b, "complaintBody"));
        Optional<String> note = Fields.optionalNote(request.note(), "note", MAX_NOTE);
        if (action == Action.CANCEL && note.isEmpty()) {
            throw ApiProblem.badRequest("note", "is required to cancel: say why");
        }
        return new Transition(action, date, appointment, reason, body, note);
    }

    /** The value, required for {@code owner} and refused for every other action. */
    private static <T> Optional<T> onlyFor(Action action, Action owner, T value, String field) {
        if (action == owner) {
            return Optional.of(Fields.required(value, field));
        }
        if (value != null) {
            throw ApiProblem.badRequest(field, "is only for action " + Fields.wireName(owner));
        }
        return Optional.empty();
    }

    /** What this transition adds to what earlier ones recorded. */
    Referral.Outcome record(Referral.Outcome before) {
        Optional<Referral.ComplaintOutcome> complaint = switch (action) {
            case UPHOLD_COMPLAINT -> Optional.of(Referral.ComplaintOutcome.UPHELD);
            case DISMISS_COMPLAINT -> Optional.of(Referral.ComplaintOutcome.DISMISSED);
            default -> before.complaintOutcome();
        };
        return new Referral.Outcome(
                appointmentDate.or(before::appointmentDate),
                reason.or(before::rejectionReason),
                complaintBody.or(before::complaintBody),
                action == Action.FILE_COMPLAINT ? Optional.of(date) : before.complaintFiledOn(),
                complaint,
                before.replacedBy());
    }
}
