package dk.fristed.referrals.referral;

import java.time.LocalDate;

/** The body of {@code POST /referrals}. A new referral is drafted; {@code replaces} names the rejected referral it refers again. */
public record ReferralRequest(
        String helpNumber,
        String visitId,
        String site,
        LocalDate date,
        String kind,
        String modality,
        String specialty,
        String receiver,
        String urgency,
        String clinicalQuestion,
        String replaces) {}
