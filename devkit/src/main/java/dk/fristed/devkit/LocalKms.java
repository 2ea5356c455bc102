package dk.fristed.devkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dk.fristed.json.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for AWS KMS with one symmetric key, on loopback, for testing the hierarchical keyring
 * end to end without an AWS account: the three calls a branch key's life needs (GenerateDataKeyWithoutPlaintext
 * and ReEncrypt to create it, Decrypt to use it), with ciphertexts bound to their encryption context
 * as KMS binds them. It records the calls so tests can count them. Not a KMS: no policies, one key.
 */
public final class LocalKms implements AutoCloseable {
    public static final String KEY_ARN = "arn:aws:kms:eu-north-1:000000000000:key/00000000-0000-4000-8000-000000000001";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] rootKey = new byte[32];
    private final HttpServer server;
    private final List<String> calls = new ArrayList<>();

    public LocalKms() throws IOException {
        RANDOM.nextBytes(rootKey);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", this::serve);
        server.start();
    }

    /** For {@code AWS_ENDPOINT_URL_KMS}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The operations called so far, e.g. {@code [GenerateDataKeyWithoutPlaintext, ReEncrypt, Decrypt]}. */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            synchronized (calls) {
                calls.add(operation);
            }
            JsonNode request = Json.mapper().readTree(exchange.getRequestBody());
            ObjectNode response = Json.mapper().createObjectNode();
            int status = 200;
            try {
                switch (operation) {
                    case "GenerateDataKeyWithoutPlaintext" -> {
                        requireKey(request.path("KeyId").asText());
                        byte[] plaintext =
                                new byte[request.path("NumberOfBytes").asInt(32)];
                        RANDOM.nextBytes(plaintext);
                        response.put("CiphertextBlob", encrypt(plaintext, request.path("EncryptionContext")));
                    }
                    case "Decrypt" ->
                        response.put(
                                "Plaintext",
                                Base64.getEncoder()
                                        .encodeToString(decrypt(
                                                request.path("CiphertextBlob").asText(),
                                                request.path("EncryptionContext"))));
                    case "ReEncrypt" -> {
                        requireKey(request.path("DestinationKeyId").asText());
                        byte[] plaintext = decrypt(
                                request.path("CiphertextBlob").asText(), request.path("SourceEncryptionContext"));
                        response.put(
                                "CiphertextBlob", encrypt(plaintext, request.path("DestinationEncryptionContext")));
                        response.put("SourceKeyId", KEY_ARN);
                    }
                    default ->
                        throw new KmsError("UnsupportedOperationException", "LocalKms does not implement " + operation);
                }
                response.put("KeyId", KEY_ARN);
            } catch (KmsError e) {
                status = 400;
                response.removeAll();
                response.put("__type", e.type);
                response.put("message", e.getMessage());
            }
            byte[] body = Json.mapper().writeValueAsBytes(response);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void requireKey(String keyId) {
        if (!KEY_ARN.equals(keyId)) {
            throw new KmsError("NotFoundException", "unknown key");
        }
    }

    /** The blob is the IV and AES-GCM ciphertext, authenticated with the encryption context. */
    private String encrypt(byte[] plaintext, JsonNode context) {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, iv, context, plaintext);
        return Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(12 + sealed.length)
                        .put(iv)
                        .put(sealed)
                        .array());
    }

    private byte[] decrypt(String blob, JsonNode context) {
        byte[] bytes = Base64.getDecoder().decode(blob);
        if (bytes.length < 28) {
            throw new KmsError("InvalidCiphertextException", "not a LocalKms ciphertext");
        }
        byte[] iv = java.util.Arrays.copyOf(bytes, 12);
        return cipher(Cipher.DECRYPT_MODE, iv, context, java.util.Arrays.copyOfRange(bytes, 12, bytes.length));
    }

    private byte[] cipher(int mode, byte[] iv, JsonNode context, byte[] input) {
        TreeMap<String, String> sorted = new TreeMap<>();
        context.fields()
                .forEachRemaining(
                        field -> sorted.put(field.getKey(), field.getValue().asText()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(rootKey, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(sorted.toString().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new KmsError("InvalidCiphertextException", "the ciphertext or its encryption context does not match");
        }
    }

    private static final class KmsError extends RuntimeException {
        final String type;

        KmsError(String type, String message) {
            super(message);
            this.type = type;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
