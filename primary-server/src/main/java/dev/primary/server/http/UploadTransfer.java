package dev.primary.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upload in progress on a connection, on its event loop. The body's chunks are written to the
 * {@link UploadSink} on worker threads, one batch at a time; the connection reads the next bytes only when
 * the last batch is written (auto-read is off), so a fast client cannot outrun the disk and memory stays
 * flat whatever the upload's size. When the connection ends first, the sink is aborted: nothing is kept.
 */
final class UploadTransfer {
    private static final Logger LOG = LoggerFactory.getLogger(UploadTransfer.class);
    private static final long BUSY_RETRY_AFTER_SECONDS = 1;

    /** Called once, on the event loop, with the answer and whether the whole body was read. */
    @FunctionalInterface
    interface Answerer {
        void answer(Response response, boolean bodyRead);
    }

    private final ChannelHandlerContext ctx;
    private final WorkerPool workers;
    private final boolean expectsContinue;
    private final String path;
    private final Answerer answerer;
    private final ArrayDeque<UploadMessages.Chunk> pending = new ArrayDeque<>();
    private UploadSink sink;
    private boolean working;
    private boolean lastReceived;
    private boolean done;
    private boolean abandoned;

    /**
     * @param expectsContinue the client sent {@code Expect: 100-continue}: it waits for a 100 before sending the body
     * @param path the request's path, for problem answers and logs (an upload is a {@code PUT})
     */
    UploadTransfer(ChannelHandlerContext ctx, WorkerPool workers, boolean expectsContinue, String path,
            Answerer answerer) {
        this.ctx = ctx;
        this.workers = workers;
        this.expectsContinue = expectsContinue;
        this.path = path;
        this.answerer = answerer;
    }

    /** Takes the next chunk of the body (already read from the connection). */
    void accept(UploadMessages.Chunk chunk) {
        if (done) {
            chunk.release();
            return;
        }
        lastReceived |= chunk.last();
        pending.add(chunk);
        pump();
    }

    /** The head was checked on a worker: the body goes to a sink, or the upload is refused unread. */
    void begun(UploadDecision decision) {
        if (decision instanceof UploadDecision.Refused refused) {
            finish(refused.response(), lastReceived);
            return;
        }
        sink = ((UploadDecision.Accepted) decision).sink();
        if (abandoned) {
            done = true;
            abortInBackground();
            return;
        }
        if (expectsContinue && !lastReceived) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER));
        }
        pump();
    }

    /** The connection closed: an upload not yet complete is aborted. */
    void connectionClosed() {
        abandoned = true;
        releasePending();
        if (!done && sink != null && !working) {
            done = true;
            abortInBackground();
        }
    }

    /** True while the upload waits for the client's next bytes (not for the disk): an idle client may be dropped. */
    boolean waitingForClient() {
        return !done && sink != null && !working && pending.isEmpty();
    }

    private void pump() {
        if (done || sink == null || working) {
            return;
        }
        if (pending.isEmpty()) {
            if (!lastReceived) {
                ctx.read();
            }
            return;
        }
        List<UploadMessages.Chunk> batch = List.copyOf(pending);
        pending.clear();
        working = true;
        UploadSink target = sink;
        if (!workers.trySubmit(() -> handBack(target, write(target, batch)))) {
            batch.forEach(UploadMessages.Chunk::release);
            working = false;
            target.abort();
            finish(ProblemResponses.of(new ServerBusyException(BUSY_RETRY_AFTER_SECONDS), "PUT", path), false);
        }
    }

    /** On a worker: writes a batch of chunks, and completes the upload after the last. */
    private Written write(UploadSink target, List<UploadMessages.Chunk> batch) {
        try {
            for (UploadMessages.Chunk chunk : batch) {
                for (ByteBuffer bytes : chunk.content().nioBuffers()) {
                    target.write(bytes);
                }
                if (chunk.last()) {
                    return new Written(target.complete(), true);
                }
            }
            return new Written(null, false);
        } catch (RuntimeException e) {
            target.abort();
            return new Written(ProblemResponses.of(e, "PUT", path), false);
        } finally {
            batch.forEach(UploadMessages.Chunk::release);
        }
    }

    private void handBack(UploadSink target, Written written) {
        try {
            ctx.executor().execute(() -> written(written));
        } catch (RejectedExecutionException e) {
            LOG.debug("PUT {} ended by the server stopping", path);
            if (written.answer() == null) {
                target.abort();
            }
        }
    }

    private void written(Written written) {
        working = false;
        if (written.answer() != null) {
            finish(written.answer(), written.bodyRead());
        } else if (abandoned) {
            done = true;
            abortInBackground();
        } else {
            pump();
        }
    }

    private void finish(Response answer, boolean bodyRead) {
        done = true;
        releasePending();
        if (!abandoned) {
            answerer.answer(answer, bodyRead);
        }
    }

    private void abortInBackground() {
        UploadSink target = sink;
        LOG.debug("PUT {} abandoned by the client: discarding what was received", path);
        if (!workers.trySubmit(target::abort)) {
            target.abort();
        }
    }

    private void releasePending() {
        UploadMessages.Chunk chunk;
        while ((chunk = pending.poll()) != null) {
            chunk.release();
        }
    }

    /** What a worker's batch came to: the final answer (or null to go on) and whether the whole body was read. */
    private record Written(Response answer, boolean bodyRead) {
    }
}
