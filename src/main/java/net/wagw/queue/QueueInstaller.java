package net.wagw.queue;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Creates the work queue and its dead-letter queue on a local server (in AWS, SAM does). */
public final class QueueInstaller {
    private QueueInstaller() {
    }

    public static void createMissing(SqsClient sqs) {
        String deadLetters = sqs.createQueue(r -> r.queueName(Queues.DEAD_LETTERS)
                .attributesWithStrings(Queues.deadLetterAttributes())).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(deadLetters).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sqs.createQueue(r -> r.queueName(Queues.WORK).attributesWithStrings(Queues.workAttributes(arn)));
    }
}
