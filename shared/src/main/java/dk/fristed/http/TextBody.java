package dk.fristed.http;

/**
 * A response body that is not JSON (a CSV export, an SVG chart): sent as it is, with its content type,
 * and as a download named {@code fileName} when one is given.
 */
public record TextBody(String contentType, String text, String fileName) {}
