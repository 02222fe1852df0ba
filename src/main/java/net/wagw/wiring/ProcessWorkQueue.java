package net.wagw.wiring;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.quarkus.arc.DefaultBean;
import net.wagw.domain.media.MediaService;
import net.wagw.domain.work.Work;
import net.wagw.domain.work.WorkQueue;

/**
 * The work queue of a process that has no durable one configured: media copies are retried in
 * this process after their delay. Any queue bean (SQS) replaces it.
 */
@ApplicationScoped
@DefaultBean
public class ProcessWorkQueue implements WorkQueue {
    private static final Logger LOG = Logger.getLogger(ProcessWorkQueue.class);

    private final Instance<MediaService> media;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "work-retry");
        thread.setDaemon(true);
        return thread;
    });

    public ProcessWorkQueue(Instance<MediaService> media) {
        this.media = media;
    }

    @Override
    public void enqueue(Work work, Duration delay) {
        if (!(work instanceof Work.CopyMedia copy)) {
            throw new UnsupportedOperationException("no queue is configured for " + work);
        }
        timer.schedule(() -> {
            try {
                media.get().onWork(copy);
            } catch (RuntimeException e) {
                LOG.warnf(e, "media copy %s of bot %s failed", copy.mediaId(), copy.botId());
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
