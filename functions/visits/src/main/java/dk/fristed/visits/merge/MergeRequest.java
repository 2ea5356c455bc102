package dk.fristed.visits.merge;

import java.util.List;

/**
 * The body of {@code POST /patients/{helpNumber}/merges}: the duplicate to merge into the record in the
 * path, the duplicate's version as read (its If-Match), and which of its personal fields the survivor
 * takes instead of its own.
 */
public record MergeRequest(String duplicate, Long duplicateVersion, List<String> takeFromDuplicate) {}
