package net.wagw.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts AWS SDK calls by service and operation, for the local stats and the benchmarks (cost: one
 * increment). One counter serves every client it is given to: DynamoDB's and SQS's.
 */
public final class AwsCallCounter implements ExecutionInterceptor {
    /** The SDK's service names, as {@link #snapshot(String)} takes them. */
    public static final String DYNAMODB = "DynamoDb";
    public static final String SQS = "Sqs";

    private final Map<String, Map<String, LongAdder>> calls = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.computeIfAbsent(service == null ? "unknown" : service, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(operation == null ? "unknown" : operation, k -> new LongAdder()).increment();
    }

    /** The calls made so far to DynamoDB, by operation. */
    public Map<String, Long> snapshot() {
        return snapshot(DYNAMODB);
    }

    /** The calls made so far to one service, by operation. */
    public Map<String, Long> snapshot(String service) {
        Map<String, Long> counts = new TreeMap<>();
        calls.getOrDefault(service, Map.of()).forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }
}
