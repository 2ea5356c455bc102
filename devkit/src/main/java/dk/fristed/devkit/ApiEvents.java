package dk.fristed.devkit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.fristed.http.ApiRequest;
import dk.fristed.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * API Gateway HTTP API (payload format 2.0) events: built with the fields AWS sends, and read with
 * the same serializer the Lambda Java runtime uses, so a handler sees here what it sees in AWS.
 */
public final class ApiEvents {
    private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENTS =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, ApiEvents.class.getClassLoader());
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RESPONSES =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, ApiEvents.class.getClassLoader());
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ApiEvents() {}

    /** An event fixture from events/, as a JSON tree a test may adjust before sending. */
    public static ObjectNode fixture(String name) {
        Path file = SamTemplate.projectRoot().resolve("events").resolve(name);
        try {
            return (ObjectNode) Json.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an event exactly as the Lambda runtime would. */
    public static APIGatewayV2HTTPEvent read(JsonNode event) {
        return EVENTS.fromJson(event.toString());
    }

    /** An event as the Lambda runtime would receive it: for invoking a deployed function. */
    public static String write(APIGatewayV2HTTPEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EVENTS.toJson(event, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A function's response as the Lambda runtime returns it. */
    public static APIGatewayV2HTTPResponse readResponse(String json) {
        return RESPONSES.fromJson(json);
    }

    public static String write(APIGatewayV2HTTPResponse response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RESPONSES.toJson(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Claims as the JWT authorizer passes them (every value a string), for a user in one Cognito group. */
    public static Map<String, String> claims(String subject, String group) {
        return Map.of("sub", subject, "cognito:groups", "[" + group + "]");
    }

    /**
     * The event API Gateway sends for one request to a route.
     *
     * @param claims the verified JWT's claims as the JWT authorizer passes them (every value a string), or null
     */
    public static ObjectNode build(
            String routeKey,
            String method,
            String path,
            String rawQueryString,
            Map<String, String> headers,
            Map<String, String> pathParameters,
            Map<String, String> queryParameters,
            byte[] body,
            Map<String, String> claims) {
        return build(
                routeKey,
                method,
                path,
                rawQueryString,
                headers,
                pathParameters,
                queryParameters,
                body,
                claims,
                "$default");
    }

    /** As {@link #build}, for an API whose stage is named: {@code path} is then the whole path, stage first. */
    public static ObjectNode build(
            String routeKey,
            String method,
            String path,
            String rawQueryString,
            Map<String, String> headers,
            Map<String, String> pathParameters,
            Map<String, String> queryParameters,
            byte[] body,
            Map<String, String> claims,
            String stage) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", rawQueryString == null ? "" : rawQueryString);
        event.set("headers", Json.mapper().valueToTree(headers));
        if (!queryParameters.isEmpty()) {
            event.set("queryStringParameters", Json.mapper().valueToTree(queryParameters));
        }
        if (!pathParameters.isEmpty()) {
            event.set("pathParameters", Json.mapper().valueToTree(pathParameters));
        }
        Instant now = Instant.now();
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        if (claims != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            jwt.set("claims", Json.mapper().valueToTree(claims));
            jwt.putNull("scopes");
        }
        context.put("domainName", "localhost");
        context.put("domainPrefix", "localhost");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", routeKey);
        context.put("stage", stage);
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (body != null && body.length > 0) {
            // API Gateway base64-encodes bodies that are not text; JSON arrives as text
            String contentType = headers.getOrDefault("content-type", "");
            // and bytes that are not UTF-8 are no text payload, whatever the content type says
            var utf8 = ApiRequest.utf8(body);
            boolean text = (contentType.contains("json") || contentType.startsWith("text/")) && utf8.isPresent();
            event.put("body", text ? utf8.get() : java.util.Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }
}
