package org.waterchain.app.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.app.session.LiveRecord;
import org.waterchain.ledger.alarm.AlarmAction;
import org.waterchain.ledger.alarm.JournaledAlarm;
import org.waterchain.ledger.cli.NodeCli;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.devices.ingest.SystemAlarm;

/**
 * The alarm system on its own thread, journaling onto a real ledger node (a demo alliance in a temp directory):
 * snapshots reach subscribers, commands answer, the journal lands on the value chain, and a new alarm system
 * started on the same ledger puts this node's alarms back.
 */
class AlarmServiceTest {
    static final long T0 = 1_767_225_600_000L;
    static final long MIN = 60_000;

    @TempDir
    Path dir;
    LedgerNode node;
    DataDirectory data;
    final AtomicLong clock = new AtomicLong(T0);
    long seq;

    @BeforeEach
    void startNode() {
        assertEquals(0, NodeCli.run("init", "--data", dir.toString()));
        data = DataDirectory.open(dir);
        node = LedgerNode.start(data);
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    AlarmService service(AlarmJournal journal) {
        AlarmService s = new AlarmService(AlarmSettings.defaults().withDelays(Delay.NONE, Delay.NONE), journal, clock::get,
                () -> org.waterchain.app.session.RegistryView.load(node.queries()).standards(), 20);
        s.restoreFrom(node.queries(), data.nodeKey().address());
        return s;
    }

    List<LiveRecord> ec(String station, double v) {
        long t = clock.addAndGet(MIN);
        return List.of(new LiveRecord(station, station + "-A", ++seq, t, t, 0, List.of(new Reading(Quantity.EC, v)), 1,
                new byte[32]));
    }

    static AlarmSnapshot await(LinkedBlockingQueue<AlarmSnapshot> q, Predicate<AlarmSnapshot> p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            AlarmSnapshot s = q.poll(1, TimeUnit.SECONDS);
            if (s != null && p.test(s)) {
                return s;
            }
        }
        fail("no snapshot as expected within a minute");
        return null;
    }

    static void awaitWritten(AlarmJournal j, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (j.status().written() + j.status().refused() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(n, j.status().written(), () -> "journal: " + j.status());
    }

    static AlarmState state(AlarmSnapshot s, String id) {
        return s.row(id).map(AlarmRow::state).orElse(AlarmState.NORMAL);
    }

    @Test
    void alarmsAreJournaledOnTheValueChainAndComeBackAfterARestart() throws Exception {
        LedgerAlarmJournal journal = new LedgerAlarmJournal(node, data.nodeKey());
        LinkedBlockingQueue<AlarmSnapshot> snapshots = new LinkedBlockingQueue<>();
        try (AlarmService alarms = service(journal)) {
            alarms.subscribe(snapshots::add);
            alarms.accept(ec("R04", 900)); // the demo alliance's EC standard is at most 750
            alarms.accept(ec("R06", 900));
            alarms.raise(new SystemAlarm(SystemAlarm.Kind.UNKNOWN_DEVICE, "/dev/ttyUSB0", "X-1", "unknown key", 1, clock.get()));
            AlarmSnapshot s = await(snapshots, x -> x.rows().size() == 3);
            assertEquals(AlarmState.UNACK, state(s, "R04 EC HIGH"));
            assertEquals(3, s.highPriorityRaises(), "two EC HIGH and an unknown device");

            List<CommandResult> ack = alarms.acknowledge(List.of("R04 EC HIGH", "R99 PH LOW"), "Chen Wei", "on it").get(60, TimeUnit.SECONDS);
            assertTrue(ack.get(0).ok());
            assertFalse(ack.get(1).ok());
            List<CommandResult> shelve = alarms.shelve(List.of("R06 EC HIGH"), "Chen Wei", "known", 3_600_000).get(60, TimeUnit.SECONDS);
            assertTrue(shelve.get(0).ok(), shelve.get(0).message());
            s = await(snapshots, x -> state(x, "R06 EC HIGH") == AlarmState.SHELVED);
            assertEquals(AlarmState.ACKED, state(s, "R04 EC HIGH"));
            assertEquals(clock.get() + 3_600_000, s.row("R06 EC HIGH").orElseThrow().shelvedUntil());
            awaitWritten(journal, 5);
        }

        List<JournaledAlarm> h = node.queries().alarmHistory("R04 EC HIGH");
        assertEquals(List.of(AlarmAction.RAISE, AlarmAction.ACKNOWLEDGE), h.stream().map(j -> j.event().action()).toList());
        assertEquals("Chen Wei", h.get(1).event().operator());
        assertEquals("on it", h.get(1).event().comment());
        assertEquals(data.nodeKey().address(), h.get(1).signer());
        assertEquals(5, node.queries().alarmJournal(0, Long.MAX_VALUE, 100).size());

        InMemoryAlarmJournal second = new InMemoryAlarmJournal();
        LinkedBlockingQueue<AlarmSnapshot> restored = new LinkedBlockingQueue<>();
        try (AlarmService again = service(second)) {
            again.subscribe(restored::add);
            AlarmSnapshot s = await(restored, x -> x.rows().size() == 3);
            assertEquals(AlarmState.ACKED, state(s, "R04 EC HIGH"));
            assertEquals(AlarmState.SHELVED, state(s, "R06 EC HIGH"));
            assertEquals(AlarmState.UNACK, state(s, "X-1 UNKNOWN_DEVICE"));
            assertEquals(0, s.highPriorityRaises());
            assertTrue(second.transitions().isEmpty(), "restoring journals nothing");
            clock.addAndGet(2 * 3_600_000); // the shelve ends on the session clock, seen by the next tick
            s = await(restored, x -> state(x, "R06 EC HIGH") == AlarmState.UNACK);
            assertEquals(AlarmState.RTN_UNACK, state(s, "X-1 UNKNOWN_DEVICE"), "quiet for an hour");
            assertEquals(java.util.Set.of("UNSHELVE R06 EC HIGH", "RETURN_TO_NORMAL X-1 UNKNOWN_DEVICE"),
                    second.transitions().stream().map(t -> t.action() + " " + t.alarmId()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void aKeyThatIsNoMemberIsRefusedAndSaysSoWithoutStoppingTheAlarms() throws Exception {
        LedgerAlarmJournal journal = new LedgerAlarmJournal(node, KeyPair.generate());
        LinkedBlockingQueue<AlarmSnapshot> snapshots = new LinkedBlockingQueue<>();
        try (AlarmService alarms = service(journal)) {
            alarms.subscribe(snapshots::add);
            alarms.accept(ec("R04", 900));
            await(snapshots, x -> state(x, "R04 EC HIGH") == AlarmState.UNACK);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (journal.status().refused() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            AlarmJournal.JournalStatus st = journal.status();
            assertEquals(1, st.refused());
            assertEquals(0, st.written());
            assertTrue(st.lastProblem().startsWith("RAISE of R04 EC HIGH not journaled: NOT_MEMBER"), st.lastProblem());
            alarms.accept(ec("R04", 700));
            await(snapshots, x -> state(x, "R04 EC HIGH") == AlarmState.RTN_UNACK);
        }
        assertTrue(node.queries().alarmHistory("R04 EC HIGH").isEmpty());
    }

    @Test
    void closedServiceRefusesCommandsInsteadOfHanging() throws Exception {
        AlarmService alarms = service(new InMemoryAlarmJournal());
        alarms.close();
        var result = alarms.acknowledge(List.of("R04 EC HIGH"), "Chen Wei", "");
        assertTrue(result.isCompletedExceptionally());
        assertNotEquals(null, alarms.latest());
    }
}
