package dk.fristed.devkit;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every route's DynamoDB profile, in one place for the round-trip tests and `make cost`. */
public final class RouteProfiles {
    /** An audit entry: a transactional put (2) and its BySubject index copy (1). */
    private static final double AUDIT = 3;

    private static final Map<String, RouteProfile> ALL = Stream.of(
                    // transaction: patient put (2) + ByCohort index (1) + idempotency claim (2) + audit
                    new RouteProfile("POST /patients", List.of("transactWriteItems"), 0, 5 + AUDIT),
                    // the read, then its audit entry before the data leave the function
                    new RouteProfile("GET /patients/{helpNumber}", List.of("getItem", "transactWriteItems"), 1, AUDIT),
                    // read the signed item (1); transaction: the whole item put back (2) + ByCohort delete and
                    // put if the cohort changed (2) + audit. Client-side encryption signs whole items, so
                    // there is no partial update, and no read-back either: the function wrote the whole state
                    new RouteProfile(
                            "PUT /patients/{helpNumber}", List.of("getItem", "transactWriteItems"), 1, 4 + AUDIT),
                    // one query on ByCohort, eventually consistent, a page within 4 KB; an audit entry per
                    // candidate shown (typically two)
                    new RouteProfile("GET /patients", List.of("query", "transactWriteItems"), 0.5, 2 * AUDIT),
                    // read the patient (1); transaction: visit put (2) + BySiteDate (1) + patient check or
                    // update (2) + ByCohort (1) + idempotency claim (2) + audit
                    new RouteProfile("POST /visits", List.of("getItem", "transactWriteItems"), 1, 8 + AUDIT),
                    // read the patient (1: an old help number answers with its survivor's, a merge still moving
                    // completes first); a page of visits (0.5); its audit entry
                    new RouteProfile(
                            "GET /patients/{helpNumber}/visits",
                            List.of("getItem", "query", "transactWriteItems"),
                            1.5,
                            AUDIT),
                    // a page of up to 50 visits is about 15 KB: four 4 KB units, eventually consistent; an
                    // audit entry per patient on the page (a day list has about ten)
                    new RouteProfile("GET /visits", List.of("query", "transactWriteItems"), 2, 10 * AUDIT),
                    new RouteProfile("GET /openapi.json", List.of(), 0, 0),
                    new RouteProfile("GET /reference", List.of(), 0, 0),
                    // a patient without visits. Read the record to complete a merge still moving into it (1),
                    // read it again in the erasure's retry loop (1); transaction: the statistical record put
                    // (2), the tombstone put (2) + removal from ByCohort (1) + audit; the visits left to move
                    // (1: none here; each one adds a delete and a put with their BySiteDate copies, 6); the
                    // statistical record put back without its moving mark (2); the tombstone read (1) and put
                    // back without its pointer (2)
                    new RouteProfile(
                            "DELETE /patients/{helpNumber}",
                            List.of(
                                    "getItem",
                                    "getItem",
                                    "transactWriteItems",
                                    "query",
                                    "transactWriteItems",
                                    "getItem",
                                    "transactWriteItems"),
                            4,
                            9 + AUDIT),
                    // a duplicate with three visits. Read both records (2); the merge's transaction: both put (4)
                    // with their ByCohort changes (2), the later first visit's flag (2), the claim (2), two audit
                    // entries; one query of the duplicate's visits (1); the step that moves them: per visit a
                    // delete and a put (4) and two BySiteDate changes (2), the survivor's check (2); the survivor's
                    // note that visits are moving removed (2)
                    new RouteProfile(
                            "POST /patients/{helpNumber}/merges",
                            List.of(
                                    "getItem",
                                    "getItem",
                                    "transactWriteItems",
                                    "query",
                                    "transactWriteItems",
                                    "transactWriteItems"),
                            3,
                            10 + 2 * AUDIT + 3 * 6 + 2 + 2),
                    // one query on the audit table or its BySubject index, a page within 8 KB
                    new RouteProfile("GET /audit/patients/{helpNumber}", List.of("query"), 1, 0),
                    new RouteProfile("GET /audit/users/{subject}", List.of("query"), 1, 0),
                    // referrals are about 2 KB encrypted. Transaction: referral put (2 x 2 KB) + three index
                    // copies (ByPatient, BySite, ByState: 2 each) + history put (2) + patient condition check
                    // (2) + idempotency claim (2) + audit
                    new RouteProfile("POST /referrals", List.of("transactWriteItems"), 0, 16 + AUDIT),
                    // the referral (1) and its history (a handful of entries, 1), then the audit entry
                    new RouteProfile(
                            "GET /referrals/{referralId}", List.of("getItem", "query", "transactWriteItems"), 2, AUDIT),
                    // read the signed referral (1); transaction: put back whole (4) + its index copies, ByState
                    // moved (about 8) + history put (2) + audit. One read: the transition is checked against it
                    new RouteProfile(
                            "POST /referrals/{referralId}/transitions",
                            List.of("getItem", "transactWriteItems"),
                            1,
                            14 + AUDIT),
                    // a patient has a few referrals: one query on ByPatient, then the audit entry
                    new RouteProfile(
                            "GET /patients/{helpNumber}/referrals", List.of("query", "transactWriteItems"), 0.5, AUDIT),
                    // a page of a site's referrals (up to 50 x 2 KB: 13 units eventually consistent) and an
                    // audit entry per patient on it (about ten)
                    new RouteProfile("GET /referrals", List.of("query", "transactWriteItems"), 13, 10 * AUDIT),
                    // the few flagged referrals of a site (sparse index), and their audit entries
                    new RouteProfile("GET /referrals/follow-up", List.of("query", "transactWriteItems"), 1, 3 * AUDIT),
                    // one site's referrals of a year (about 60 x 2 KB at one clinic); without site, this once per site.
                    // Counts only: nothing per patient to audit
                    new RouteProfile("GET /referrals/counts", List.of("query"), 15, 0),
                    // invoices are about 2 KB encrypted. Transaction: invoice put (2 x 2 KB) + its index copies
                    // (ByPatient, BySite, ByDue; ByFlag when due soon: about 7) + history put (2) + number guard
                    // (1) + patient condition check (2) + idempotency claim (2) + audit
                    new RouteProfile("POST /invoices", List.of("transactWriteItems"), 0, 18 + AUDIT),
                    // the invoice (1) and its history (a handful of entries, 1), then the audit entry
                    new RouteProfile(
                            "GET /invoices/{invoiceId}", List.of("getItem", "query", "transactWriteItems"), 2, AUDIT),
                    // read the signed invoice (1); transaction: put back whole (4) + its index copies, moved or
                    // left (about 8) + history put (2) + audit
                    new RouteProfile(
                            "POST /invoices/{invoiceId}/transitions",
                            List.of("getItem", "transactWriteItems"),
                            1,
                            14 + AUDIT),
                    new RouteProfile(
                            "GET /patients/{helpNumber}/invoices", List.of("query", "transactWriteItems"), 0.5, AUDIT),
                    // a page of a site's invoices (up to 50 x 2 KB: 13 units eventually consistent) and an audit
                    // entry per patient on it (about ten)
                    new RouteProfile("GET /invoices", List.of("query", "transactWriteItems"), 13, 10 * AUDIT),
                    // the flagged invoices of a site (sparse index, a few) and their audit entries
                    new RouteProfile("GET /invoices/deadlines", List.of("query", "transactWriteItems"), 1, 3 * AUDIT),
                    // a year of one site's invoices (about 100 x 2 KB); without site, once per site. No personal data
                    new RouteProfile("GET /invoices/totals", List.of("query"), 25, 0),
                    // the same read, and one audit transaction per hundred patients in the file (about one)
                    new RouteProfile("GET /invoices/export", List.of("query", "transactWriteItems"), 25, 100 * AUDIT),
                    // the budget holds no patient data: nothing per patient to audit. A year or a source: one
                    // put (2) and the idempotency claim (2), in one transaction
                    new RouteProfile("POST /budget/years", List.of("transactWriteItems"), 0, 4),
                    new RouteProfile("POST /budget/sources", List.of("transactWriteItems"), 0, 4),
                    new RouteProfile("GET /budget/sources", List.of("query"), 1, 0),
                    // read the source (1), put it back without name and contact (2)
                    new RouteProfile(
                            "DELETE /budget/sources/{sourceId}", List.of("getItem", "transactWriteItems"), 1, 2),
                    // a payment, one transaction: the year and the source checked (2 each), the entry put (2), the
                    // claim (2); settling a pledge adds two reads and the pledge part's put (2)
                    new RouteProfile("POST /budget/years/{year}/entries", List.of("transactWriteItems"), 0, 8),
                    // a page of the ledger, entries about 1 KB encrypted
                    new RouteProfile("GET /budget/years/{year}/entries", List.of("query"), 7, 0),
                    // the year (1), the whole ledger (a year of about 300 entries of about 1 KB, read strongly
                    // consistent so a payment just posted counts: 75) and the sources (1)
                    new RouteProfile("GET /budget/years/{year}/progress", List.of("getItem", "query", "query"), 77, 0),
                    new RouteProfile("GET /budget/years/{year}/chart", List.of("getItem", "query", "query"), 77, 0),
                    new RouteProfile("GET /budget/years/{year}/export", List.of("getItem", "query", "query"), 77, 0),
                    // a report of one site's year, read only for its period and side by side: the visits (BySiteDate),
                    // the open days, the referrals and the invoices (BySite); then the patients seen (one
                    // BatchGetItem per hundred), then one audit entry of the aggregate read. At a Danish site's year
                    // (about 700 visits of
                    // 1.5 KB, 250 patients of 1 KB, 60 referrals and 100 invoices of 2 KB, eventually
                    // consistent): about 130 + 125 + 15 + 25 read units. All sites: these queries once per site,
                    // and over a calendar year the budget's year, ledger and sources (77) besides
                    new RouteProfile(
                            "GET /reports/{year}",
                            List.of("query", "query", "query", "query", "batchGetItem", "transactWriteItems"),
                            295,
                            AUDIT),
                    new RouteProfile(
                            "GET /reports",
                            List.of("query", "query", "query", "query", "batchGetItem", "transactWriteItems"),
                            295,
                            AUDIT),
                    // an open day: read it (1), put it conditionally (1); a site's year of days is one small query
                    new RouteProfile("PUT /open-days/{site}/{date}", List.of("getItem", "putItem"), 1, 1),
                    new RouteProfile("DELETE /open-days/{site}/{date}", List.of("getItem", "deleteItem"), 1, 1),
                    new RouteProfile("GET /open-days", List.of("query"), 1, 0))
            .collect(Collectors.toUnmodifiableMap(RouteProfile::route, Function.identity()));

    private RouteProfiles() {}

    public static RouteProfile of(String route) {
        RouteProfile profile = ALL.get(route);
        if (profile == null) {
            throw new IllegalArgumentException("no DynamoDB profile for " + route + ": add it to RouteProfiles");
        }
        return profile;
    }

    public static Map<String, RouteProfile> all() {
        return ALL;
    }
}
