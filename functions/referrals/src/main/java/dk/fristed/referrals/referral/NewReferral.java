package dk.fristed.referrals.referral;

import dk.fristed.auth.Caller;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.ids.RecordIds;
import dk.fristed.problem.ApiProblem;
import dk.fristed.records.referral.Modality;
import dk.fristed.records.referral.Referral;
import dk.fristed.records.referral.ReferralKind;
import dk.fristed.records.referral.ReferralState;
import dk.fristed.records.referral.Urgency;
import dk.fristed.site.Sites;
import dk.fristed.validation.Fields;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A validated {@link ReferralRequest}. */
public record NewReferral(
        HelpNumber helpNumber,
        Optional<String> visitId,
        String site,
        LocalDate date,
        ReferralKind kind,
        Optional<Modality> modality,
        Optional<String> specialty,
        String receiver,
        Urgency urgency,
        String clinicalQuestion,
        Optional<String> replaces) {

    static final LocalDate EARLIEST = LocalDate.of(2009, 1, 1);
    static final int MAX_RECEIVER = 200;
    static final int MAX_SPECIALTY = 100;
    static final int MAX_QUESTION = 4000;

    /** The referral this request drafts, under a new id. */
    Referral drafted(Caller caller, Instant at) {
        return new Referral(
                RecordIds.random(),
                helpNumber,
                visitId,
                site,
                date,
                kind,
                modality,
                specialty,
                receiver,
                urgency,
                Optional.of(clinicalQuestion),
                caller.subject(),
                at,
                replaces,
                ReferralState.DRAFTED,
                date,
                1,
                Referral.Outcome.NONE,
                Optional.empty(),
                Optional.empty());
    }

    static NewReferral from(ReferralRequest request, Sites sites, LocalDate today) {
        HelpNumber helpNumber = HelpNumber.parse(request.helpNumber(), "helpNumber");
        Optional<String> visitId = RecordIds.optional(request.visitId(), "visitId");
        String site = sites.require(request.site(), "site");
        LocalDate date = request.date() == null ? today : request.date();
        if (date.isBefore(EARLIEST) || date.isAfter(today)) {
            throw ApiProblem.badRequest("date", "must be a date from " + EARLIEST + " to today");
        }
        ReferralKind kind = Fields.oneOf(ReferralKind.class, request.kind(), "kind");
        Optional<Modality> modality = Optional.empty();
        if (kind == ReferralKind.EXAMINATION) {
            modality = Optional.of(Fields.oneOf(Modality.class, request.modality(), "modality"));
        } else if (request.modality() != null) {
            throw ApiProblem.badRequest("modality", "is only for kind examination");
        }
        Optional<String> specialty = Fields.optionalText(request.specialty(), "specialty", MAX_SPECIALTY);
        if (kind == ReferralKind.SPECIALIST && specialty.isEmpty()) {
            throw ApiProblem.badRequest("specialty", "is required for kind specialist");
        }
        if (kind != ReferralKind.SPECIALIST && specialty.isPresent()) {
            throw ApiProblem.badRequest("specialty", "is only for kind specialist");
        }
        String receiver = Fields.optionalText(request.receiver(), "receiver", MAX_RECEIVER)
                .orElseThrow(() -> ApiProblem.badRequest("receiver", "is required"));
        Urgency urgency = Fields.oneOf(Urgency.class, request.urgency(), "urgency");
        String question = Fields.optionalNote(request.clinicalQuestion(), "clinicalQuestion", MAX_QUESTION)
                .orElseThrow(() -> ApiProblem.badRequest("clinicalQuestion", "is required"));
        return new NewReferral(
                helpNumber,
                visitId,
                site,
                date,
                kind,
                modality,
                specialty,
                receiver,
                urgency,
                question,
                RecordIds.optional(request.replaces(), "replaces"));
    }
}
