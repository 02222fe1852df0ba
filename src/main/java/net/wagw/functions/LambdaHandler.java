package net.wagw.functions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.jboss.logging.MDC;

import com.amazonaws.services.lambda.runtime.Context;

import io.quarkus.funqy.lambda.FunqyStreamHandler;

/**
 * The JVM functions' handler in AWS (infra/template.yaml): Funqy's, with the invocation's request
 * id in the log context, so the request's one log line carries it ({@code lambdaRequestId},
 * {@link RequestLog}). Under AWS's runtime client nothing else puts it there: Quarkus does only in
 * its own poll loop (native and test runs).
 */
public class LambdaHandler extends FunqyStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? null : context.getAwsRequestId();
        if (requestId != null) {
            MDC.put(RequestLog.LAMBDA_REQUEST_ID, requestId);
        }
        try {
            super.handleRequest(input, output, context);
        } finally {
            MDC.remove(RequestLog.LAMBDA_REQUEST_ID);
        }
    }
}
