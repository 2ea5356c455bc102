package dk.fristed.visits.reference;

import dk.fristed.auth.Role;
import dk.fristed.config.Categories;
import dk.fristed.http.ApiResponse;
import dk.fristed.http.Route;
import dk.fristed.icpc.IcpcChapter;
import dk.fristed.icpc.IcpcCodes;
import dk.fristed.records.visit.Service;
import dk.fristed.site.Sites;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /reference}: the clinic's closed lists, for the apps' pickers: this deployment's sites, the
 * services and the ICPC-2 codes a visit is checked against (codes and chapters; the codes' titles are
 * WONCA's and need its licence), and the budget's expense categories (BUDGET_CATEGORIES). No personal
 * data, so every role may read it.
 */
public final class ReferenceLists {
    public static final String ROUTE = "GET /reference";
    /** The lists change with a deployment only: an app may keep them for an hour. */
    static final String CACHE = "private, max-age=3600";

    private final Sites sites;
    private final Categories categories;

    public ReferenceLists(Sites sites, Categories categories) {
        this.sites = sites;
        this.categories = categories;
    }

    public Route route() {
        return Route.of(
                ROUTE,
                EnumSet.allOf(Role.class),
                request -> ApiResponse.ok(lists()).withHeader("Cache-Control", CACHE));
    }

    record Lists(
            List<String> sites,
            List<String> services,
            List<Chapter> diagnosisChapters,
            List<String> diagnosisCodes,
            List<String> budgetCategories) {}

    record Chapter(String letter, String title) {}

    private Lists lists() {
        return new Lists(
                sites.names(),
                Arrays.stream(Service.values())
                        .map(s -> s.name().toLowerCase(Locale.ROOT))
                        .toList(),
                Arrays.stream(IcpcChapter.values())
                        .map(c -> new Chapter(c.name(), c.title()))
                        .toList(),
                IcpcCodes.all(),
                categories.names());
    }
}
