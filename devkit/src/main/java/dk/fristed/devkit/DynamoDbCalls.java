package dk.fristed.devkit;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.ArrayList;
import java.util.List;

/**
 * An SDK interceptor that records every DynamoDB API call a client sends, so tests can pin how many
 * round trips a route makes. Calls are named as the client's methods are: {@code getItem},
 * {@code transactWriteItems}.
 */
public final class DynamoDbCalls implements ExecutionInterceptor {
    private final List<String> calls = new ArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        synchronized (calls) {
            calls.add(Character.toLowerCase(operation.charAt(0)) + operation.substring(1));
        }
    }

    /** The calls since the last {@link #reset()}, e.g. {@code [getItem, transactWriteItems]}. */
    public List<String> list() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public void reset() {
        synchronized (calls) {
            calls.clear();
        }
    }
}
