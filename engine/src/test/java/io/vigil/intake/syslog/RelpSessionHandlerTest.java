package io.vigil.intake.syslog;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.vigil.intake.DeadLetter;
import io.vigil.intake.RecordingDeadLetterStore;
import io.vigil.intake.RecordingEventIntake;
import io.vigil.model.EventDraft;
import io.vigil.model.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static io.vigil.intake.syslog.SyslogChannels.NOW;
import static io.vigil.intake.syslog.SyslogChannels.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RelpSessionHandlerTest {

    /** What rsyslog's omrelp (librelp 1.11) offers. */
    private static final String LIBRELP_OFFERS = "relp_version=0\nrelp_software=http://librelp.adiscon.com,1.11.0,librelp\n"
            + "commands=syslog";
    private static final String OPENED = "1 rsp 57 200 OK\nrelp_version=0\nrelp_software=vigil\ncommands=syslog\n";

    private final SyslogChannels channels = new SyslogChannels();
    private final RecordingEventIntake intake = channels.intake;
    private final RecordingDeadLetterStore deadLetters = channels.deadLetters;
    private final SyslogCounters counters = channels.counters;
    private final OutOfOrderIntake laterIntake = new OutOfOrderIntake();

    @Test
    void shouldAnswerOpenWithItsOffers() {
        EmbeddedChannel session = channels.relp(settings(1_000, 8), intake);

        write(session, frame(1, "open", LIBRELP_OFFERS));

        assertThat(answers(session)).isEqualTo(OPENED);
        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void shouldAcknowledgeAMessageOnlyOnceItIsCommitted() {
        EmbeddedChannel session = opened(channels.relp(settings(1_000, 8), laterIntake));

        write(session, frame(2, "syslog", line("disk full")));
        assertThat(laterIntake.submissions()).hasSize(1);
        assertThat(answers(session)).isEmpty();

        laterIntake.commit(0);
        session.runPendingTasks();

        assertThat(answers(session)).isEqualTo("2 rsp 6 200 OK\n");
        assertThat(laterIntake.submissions().get(0)).containsExactly(new EventDraft(NOW, Instant.parse("2026-11-21T06:30:40Z"),
                "syslog-relp", "syslog:embedded", "web01", "app", null, Severity.NOTICE, "disk full",
                Map.of("facility", "user"), "<13>Nov 21 06:30:40 web01 app: disk full"));
    }

    @Test
    void shouldAnswerInTxnrOrderWhenCommitsCompleteOutOfOrder() {
        EmbeddedChannel session = opened(channels.relp(settings(1, 8), laterIntake));
        write(session, frame(2, "syslog", line("a")) + frame(3, "syslog", line("b")) + frame(4, "syslog", line("c")));
        assertThat(laterIntake.submissions()).hasSize(3);

        laterIntake.commit(2);
        session.runPendingTasks();
        assertThat(answers(session)).isEmpty();
        laterIntake.commit(0);
        session.runPendingTasks();
        assertThat(answers(session)).isEqualTo("2 rsp 6 200 OK\n");
        laterIntake.commit(1);
        session.runPendingTasks();

        assertThat(answers(session)).isEqualTo("3 rsp 6 200 OK\n4 rsp 6 200 OK\n");
    }

    @Test
    void shouldFlushOncePerBatchOfAnswers() {
        EmbeddedChannel session = channels.relp(settings(1_000, 8), intake);
        FlushCounter flushes = new FlushCounter();
        session.pipeline().addFirst(flushes);

        write(session, frame(1, "open", LIBRELP_OFFERS) + frame(2, "syslog", line("a")) + frame(3, "syslog", line("b"))
                + frame(4, "syslog", line("c")) + frame(5, "syslog", line("d")));

        assertThat(answers(session)).startsWith(OPENED).endsWith("4 rsp 6 200 OK\n5 rsp 6 200 OK\n");
        assertThat(intake.submissions()).hasSize(1);
        assertThat(flushes.count).as("one for the open, one for the batch").isEqualTo(2);
    }

    @Test
    void shouldAcknowledgeADeadLetterInTurn() {
        EmbeddedChannel session = opened(channels.relp(settings(1_000, 8), laterIntake));

        write(session, frame(2, "syslog", line("parsed")) + frame(3, "syslog", "\u0016 garbage"));
        assertThat(deadLetters.letters()).extracting(DeadLetter::reason, DeadLetter::transport).containsExactly(
                tuple("missing PRI: expected \"<\" at the start, got \"\\x16 garbage\"", "syslog-relp"));
        assertThat(answers(session)).as("the dead letter's answer waits for the message before it").isEmpty();

        laterIntake.commit(0);
        session.runPendingTasks();

        assertThat(answers(session)).isEqualTo("2 rsp 6 200 OK\n3 rsp 6 200 OK\n");
        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void shouldRefuseSyslogBeforeOpenAndStillTakeTheOpen() {
        EmbeddedChannel session = channels.relp(settings(1_000, 8), intake);

        write(session, frame(1, "syslog", line("too early")) + frame(2, "open", LIBRELP_OFFERS));

        assertThat(answers(session)).isEqualTo("1 rsp 22 500 syslog before open\n" + OPENED.replaceFirst("^1", "2"));
        assertThat(intake.submissions()).isEmpty();
    }

    @Test
    void shouldAnswerCloseAfterThePendingAcknowledgementsThenHintAndClose() {
        EmbeddedChannel session = opened(channels.relp(settings(1_000, 8), laterIntake));

        write(session, frame(2, "syslog", line("last")) + frame(3, "close", "") + frame(4, "syslog", line("after close")));
        assertThat(answers(session)).isEmpty();
        assertThat(session.isOpen()).isTrue();

        laterIntake.commit(0);
        session.runPendingTasks();

        assertThat(answers(session)).isEqualTo("2 rsp 6 200 OK\n3 rsp 0\n0 serverclose 0\n");
        assertThat(session.isOpen()).isFalse();
        assertThat(laterIntake.submissions()).hasSize(1).allSatisfy(batch -> assertThat(batch).hasSize(1));
    }

    @Test
    void shouldAnswerAnUnknownCommandWithAnErrorAndGoOn() {
        EmbeddedChannel session = opened(channels.relp(settings(1_000, 8), intake));

        write(session, frame(2, "starttls", "") + frame(3, "syslog", line("still here")));

        assertThat(answers(session)).isEqualTo("2 rsp 30 500 unknown command \"starttls\"\n3 rsp 6 200 OK\n");
        assertThat(intake.committed()).extracting(EventDraft::message).containsExactly("still here");
    }

    @Test
    void shouldRefuseASecondOpenAndClose() {
        EmbeddedChannel session = opened(channels.relp(settings(1_000, 8), intake));

        write(session, frame(2, "open", LIBRELP_OFFERS));

        assertThat(answers(session)).isEqualTo("2 rsp 24 500 session already open\n0 serverclose 0\n");
        assertThat(session.isOpen()).isFalse();
        assertThat(counters.connectionsClosed()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnOpenWithoutTheSyslogCommandOrAVersion() {
        assertThat(refusedOpen("relp_version=0\ncommands=eventlog"))
                .isEqualTo("1 rsp 48 500 the client does not offer the syslog command\n0 serverclose 0\n");
        assertThat(refusedOpen("commands=syslog")).isEqualTo("1 rsp 27 500 no relp_version offered\n0 serverclose 0\n");
        assertThat(refusedOpen("relp_version=one\ncommands=syslog"))
                .isEqualTo("1 rsp 44 500 relp_version must be a number, got \"one\"\n0 serverclose 0\n");
    }

    @Test
    void shouldAnswerAMalformedFrameThenHintAndClose() {
        EmbeddedChannel session = opened(channels.relp(settings(1_000, 8), intake));

        write(session, frame(2, "syslog", line("fine")) + "3 syslog many <13>x\n" + frame(4, "syslog", line("lost")));

        assertThat(answers(session)).isEqualTo("2 rsp 6 200 OK\n"
                + "3 rsp 57 500 the data length must be digits, got \"many <13>x\\x0A4\"\n0 serverclose 0\n");
        assertThat(session.isOpen()).isFalse();
        assertThat(intake.committed()).extracting(EventDraft::message).containsExactly("fine");
        assertThat(deadLetters.letters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("RELP: the data length must be digits, got \"many <13>x\\x0A4\"");
            assertThat(new String(letter.raw(), StandardCharsets.ISO_8859_1)).startsWith("3 syslog many <13>x\n4 syslog");
        });
        assertThat(counters.connectionsClosed()).isEqualTo(1);
    }

    @Test
    void shouldCloseAfterThePendingAcknowledgementsOnABadTxnrWithoutAnsweringIt() {
        EmbeddedChannel session = opened(channels.relp(settings(1_000, 8), laterIntake));

        write(session, frame(2, "syslog", line("before")) + frame(7, "syslog", line("out of sequence")));
        assertThat(answers(session)).isEmpty();
        laterIntake.commit(0);
        session.runPendingTasks();

        assertThat(answers(session)).isEqualTo("2 rsp 6 200 OK\n0 serverclose 0\n");
        assertThat(session.isOpen()).isFalse();
        assertThat(deadLetters.letters()).extracting(DeadLetter::reason).containsExactly("RELP: expected TXNR 3, got 7 (syslog)");
        assertThat(counters.connectionsClosed()).isEqualTo(1);
    }

    @Test
    void shouldAnswerAnOversizedFrameWithAnErrorAndKeepItsStartAsADeadLetter() {
        EmbeddedChannel session = opened(channels.relp(settings(1_000, 8), intake));

        write(session, "2 syslog 70000 <13>Nov 21 06:30:40 web01 app: " + "x".repeat(2_000));

        assertThat(answers(session)).isEqualTo("2 rsp 56 500 data length 70000 exceeds the maximum of 66560 bytes\n"
                + "0 serverclose 0\n");
        assertThat(deadLetters.letters()).singleElement().satisfies(letter -> assertThat(letter.raw()).hasSize(1024));
        assertThat(counters.oversized()).isEqualTo(1);
        assertThat(counters.connectionsClosed()).isEqualTo(1);
    }

    @Test
    void shouldTakeASessionSplitIntoSingleBytes() {
        EmbeddedChannel session = channels.relp(settings(1_000, 8), intake);
        String stream = frame(1, "open", LIBRELP_OFFERS) + frame(2, "syslog", line("byte by byte")) + frame(3, "close", "");

        for (int i = 0; i < stream.length(); i++) {
            write(session, stream.substring(i, i + 1));
        }

        assertThat(answers(session)).isEqualTo(OPENED + "2 rsp 6 200 OK\n3 rsp 0\n0 serverclose 0\n");
        assertThat(intake.committed()).extracting(EventDraft::message).containsExactly("byte by byte");
    }

    @Test
    void shouldCloseAClientThatDoesNotReadItsAnswers() {
        EmbeddedChannel session = opened(channels.relp(settings(1_000, 8), intake));
        StringBuilder flood = new StringBuilder();
        for (int txnr = 2; txnr < 40_000; txnr++) {
            flood.append(txnr).append(" x 0\n");
        }

        write(session, flood.toString());

        assertThat(session.isOpen()).isFalse();
        assertThat(counters.connectionsClosed()).isEqualTo(1);
    }

    private EmbeddedChannel opened(EmbeddedChannel session) {
        write(session, frame(1, "open", LIBRELP_OFFERS));
        assertThat(answers(session)).isEqualTo(OPENED);
        return session;
    }

    private String refusedOpen(String offers) {
        EmbeddedChannel session = channels.relp(settings(1_000, 8), intake);
        write(session, frame(1, "open", offers));
        assertThat(session.isOpen()).isFalse();
        return answers(session);
    }

    private static String frame(int txnr, String command, String data) {
        int length = data.getBytes(StandardCharsets.UTF_8).length;
        return txnr + " " + command + " " + length + (length > 0 ? " " + data : "") + "\n";
    }

    private static String line(String message) {
        return "<13>Nov 21 06:30:40 web01 app: " + message;
    }

    private static void write(EmbeddedChannel session, String data) {
        session.writeInbound(Unpooled.copiedBuffer(data, StandardCharsets.UTF_8));
    }

    private static String answers(EmbeddedChannel session) {
        StringBuilder answers = new StringBuilder();
        for (ByteBuf answer = session.readOutbound(); answer != null; answer = session.readOutbound()) {
            answers.append(answer.toString(StandardCharsets.UTF_8));
            answer.release();
        }
        return answers.toString();
    }

    private static final class FlushCounter extends ChannelOutboundHandlerAdapter {
        int count;

        @Override
        public void flush(ChannelHandlerContext ctx) {
            count++;
            ctx.flush();
        }
    }
}
