package net.wagw.domain.work;

/** Does one try of a piece of work taken from the queue. */
public interface WorkHandler {

    /** @throws RuntimeException when the try could not be made (storage down): the queue tries it again */
    WorkResult handle(Work work);
}
