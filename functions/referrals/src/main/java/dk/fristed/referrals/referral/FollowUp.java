package dk.fristed.referrals.referral;

import dk.fristed.audit.Actor;
import dk.fristed.config.Environment;
import dk.fristed.records.referral.Referral;
import dk.fristed.records.referral.ReferralState;
import dk.fristed.site.Sites;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The daily follow-up: flags referrals sent and unanswered for more than {@code sentDays} days, and
 * accepted ones without an appointment after {@code acceptedDays} days. It reads only those, per site,
 * from the ByState index (no Scan), and writes only the ones not flagged yet, so a second run the same
 * day, or a schedule delivered twice, changes nothing. Each flag is audited as a change by the system.
 */
public final class FollowUp {
    public static final String SENT_DAYS_VARIABLE = "FOLLOW_UP_SENT_DAYS";
    public static final String ACCEPTED_DAYS_VARIABLE = "FOLLOW_UP_ACCEPTED_DAYS";

    /** Who flags, in the audit trail. */
    private static final Actor FOLLOW_UP = Actor.system("referral-follow-up", "flag for follow-up");

    private final ReferralRepository referrals;
    private final Sites sites;
    private final int sentDays;
    private final int acceptedDays;

    public FollowUp(ReferralRepository referrals, Sites sites, int sentDays, int acceptedDays) {
        if (sentDays < 1 || acceptedDays < 1) {
            throw new IllegalArgumentException("follow-up thresholds are whole days, at least 1");
        }
        this.referrals = referrals;
        this.sites = sites;
        this.sentDays = sentDays;
        this.acceptedDays = acceptedDays;
    }

    public static FollowUp fromEnvironment(ReferralRepository referrals, Sites sites, Environment env) {
        return new FollowUp(
                referrals,
                sites,
                Integer.parseInt(env.get(SENT_DAYS_VARIABLE, "14")),
                Integer.parseInt(env.get(ACCEPTED_DAYS_VARIABLE, "30")));
    }

    /** What one run found overdue and how many of those it flagged now (the rest were flagged before). */
    public record Result(int overdue, int flagged) {}

    public Result run(LocalDate today) {
        int overdue = 0;
        int flagged = 0;
        var waits = List.of(Map.entry(ReferralState.SENT, sentDays), Map.entry(ReferralState.ACCEPTED, acceptedDays));
        for (String site : sites.names()) {
            for (var wait : waits) {
                // entered the state before today - N days: waiting more than N whole days
                for (Referral referral :
                        referrals.inStateSince(site, wait.getKey(), today.minusDays(wait.getValue()))) {
                    if (referral.erasedAt().isPresent()) {
                        continue; // the patient asked to be erased: nobody follows it up
                    }
                    overdue++;
                    if (referral.followUpSince().isEmpty() && referrals.flagForFollowUp(referral, today, FOLLOW_UP)) {
                        flagged++;
                    }
                }
            }
        }
        return new Result(overdue, flagged);
    }
}
