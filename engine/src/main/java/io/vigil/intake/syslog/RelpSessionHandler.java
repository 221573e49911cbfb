package io.vigil.intake.syslog;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The server side of one RELP session (rsyslog's {@code omrelp}): answers {@code open} with the
 * offers Vigil supports, turns each {@code syslog} command into an event and answers it
 * {@code 200 OK} only once the event is committed in the journal (a message that cannot be parsed
 * is answered once it is stored as a dead letter: it is kept, and a resend would fail the same
 * way), and answers {@code close} with an empty {@code rsp} before hinting {@code serverclose}
 * and closing.
 *
 * <p>Answers leave in TXNR order, as RELP requires, whatever order commits complete in, and are
 * flushed once per batch of answers. Back pressure comes from the {@link SyslogBatchSubmitter}:
 * reading pauses while the intake is behind, and the client's window fills with unanswered
 * commands. librelp's client drops a message answered with an error, so a {@code syslog}
 * command is never answered 500 once the session is open; errors go to commands that break the
 * protocol, and a frame that breaks the framing or the TXNR sequence ends the session (after the
 * answers owed before it), for the client to reconnect and resend what is unanswered.
 *
 * <p>Not thread-safe: every method runs on the channel's event loop.
 */
final class RelpSessionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(RelpSessionHandler.class);
    private static final RateLimitedLog closings = new RateLimitedLog(log, Duration.ofSeconds(10));
    /** Version 0 is the one librelp speaks (the spec's 1 was never put in use); its client refuses a higher one. */
    static final String OFFERS = "relp_version=0\nrelp_software=vigil\ncommands=syslog";
    private static final String OK = "200 OK";
    /** librelp's client reads at most 80 characters of an answer's text. */
    private static final int MAX_ANSWER_TEXT = 80;
    private static final String SERVER_CLOSE_HINT = "0 serverclose 0\n";
    /**
     * Answers written but not yet taken by the client: a client that sends without reading them
     * would otherwise make them pile up here without end (librelp's window keeps a real client far below).
     */
    static final long MAX_UNREAD_ANSWER_BYTES = 1024 * 1024;

    private final SyslogFrameProcessor frames;
    private final SyslogBatchSubmitter submitter;
    /** Commands taken and not yet answered on the wire, in TXNR order; the head is the next answer to send. */
    private final Deque<Answer> owed = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private String peer;
    private int expectedTxnr = 1;
    private boolean open;
    /** No command is taken any more; the connection closes once the answers owed are sent. */
    private boolean closing;
    private boolean flushScheduled;

    RelpSessionHandler(SyslogFrameProcessor frames, SyslogBatchSubmitter submitter) {
        this.frames = frames;
        this.submitter = submitter;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        peer = PeerAddress.of(ctx.channel().remoteAddress());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        RelpFrame frame = (RelpFrame) msg;
        if (closing) {
            // A client sends nothing after "close", and nothing after a broken frame can be trusted.
            return;
        }
        if (frame.isMalformed()) {
            breakSession(frame.malformedReason(), frame.data(), frame.oversized(), frame.txnr() == expectedTxnr);
            return;
        }
        if (frame.txnr() != expectedTxnr) {
            breakSession("expected TXNR " + expectedTxnr + ", got " + frame.txnr() + " (" + frame.command() + ")",
                    frame.data(), false, false);
            return;
        }
        expectedTxnr = expectedTxnr == RelpFrameDecoder.MAX_TXNR ? 1 : expectedTxnr + 1;
        switch (frame.command()) {
            case "syslog" -> syslog(frame);
            case "open" -> open(frame);
            case "close" -> {
                answer(frame.txnr(), "");
                closeWhenAnswered();
            }
            default -> answer(frame.txnr(), error("unknown command " + SyslogText.quote(frame.command())));
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        submitter.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset is routine for RELP: the client reconnects and resends what it had no answer for.
        SyslogTcpHandler.logFailure(log, "RELP", peer, cause);
        closing = true;
        ctx.close();
    }

    private void syslog(RelpFrame frame) {
        if (!open) {
            answer(frame.txnr(), error("syslog before open"));
            return;
        }
        Answer answer = new Answer(frame.txnr());
        owed.add(answer);
        String source = ctx.channel().attr(TlsClientGate.SOURCE).get();
        if (!frames.process(SyslogFrame.message(frame.data()), peer, source, submitter, () -> settle(answer, OK))) {
            settle(answer, OK);
        }
    }

    private void open(RelpFrame frame) {
        String refusal = open ? "session already open" : RelpOffers.refusal(frame.data());
        if (refusal == null) {
            open = true;
            answer(frame.txnr(), OK + "\n" + OFFERS);
            return;
        }
        closings.warn("closing the RELP connection from " + peer + ": open refused: " + refusal);
        frames.counters().connectionClosed();
        answer(frame.txnr(), error(refusal));
        closeWhenAnswered();
    }

    /** Counts and keeps the offending input as a dead letter; answers it when its TXNR is the one expected. */
    private void breakSession(String reason, byte[] kept, boolean oversized, boolean answerable) {
        closings.warn("closing the RELP connection from " + peer + ": " + reason);
        frames.process(new SyslogFrame(kept, "RELP: " + reason, oversized, true), peer, submitter);
        if (answerable) {
            answer(expectedTxnr, error(reason));
        }
        closeWhenAnswered();
    }

    private void answer(int txnr, String text) {
        Answer answer = new Answer(txnr);
        owed.add(answer);
        settle(answer, text);
    }

    private void settle(Answer answer, String text) {
        answer.text = text;
        sendSettled();
    }

    private void closeWhenAnswered() {
        closing = true;
        sendSettled();
    }

    /** Writes the answers settled at the head of the queue; closes once all are out, when closing. */
    private void sendSettled() {
        boolean wrote = false;
        while (!owed.isEmpty() && owed.peek().text != null) {
            ctx.write(encode(owed.poll()));
            wrote = true;
        }
        if (closing && owed.isEmpty()) {
            ctx.writeAndFlush(Unpooled.copiedBuffer(SERVER_CLOSE_HINT, StandardCharsets.US_ASCII))
                    .addListener(ChannelFutureListener.CLOSE);
        } else if (ctx.channel().bytesBeforeWritable() > MAX_UNREAD_ANSWER_BYTES) {
            closings.warn("closing the RELP connection from " + peer + ": it does not read its answers (over "
                    + MAX_UNREAD_ANSWER_BYTES + " bytes of them unsent)");
            frames.counters().connectionClosed();
            closing = true;
            ctx.close();
        } else if (wrote && !flushScheduled) {
            // Commits complete a batch at a time on the event loop: one flush after them all.
            flushScheduled = true;
            ctx.channel().eventLoop().execute(() -> {
                flushScheduled = false;
                ctx.flush();
            });
        }
    }

    private ByteBuf encode(Answer answer) {
        byte[] data = answer.text.getBytes(StandardCharsets.UTF_8);
        String header = answer.txnr + " rsp " + data.length;
        ByteBuf frame = ctx.alloc().buffer(header.length() + data.length + 2);
        frame.writeCharSequence(header, StandardCharsets.US_ASCII);
        if (data.length > 0) {
            frame.writeByte(' ').writeBytes(data);
        }
        return frame.writeByte('\n');
    }

    private static String error(String reason) {
        String text = "500 " + reason;
        return text.length() > MAX_ANSWER_TEXT ? text.substring(0, MAX_ANSWER_TEXT) : text;
    }

    /** One command's answer: its text is null until the answer is known. */
    private static final class Answer {
        final int txnr;
        String text;

        Answer(int txnr) {
            this.txnr = txnr;
        }
    }
}
