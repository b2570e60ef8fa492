package org.waterchain.ledger.consensus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/**
 * Ordering through an Apache Ratis group over gRPC. A one-member group is the embedded default; more
 * voters join by configuration. Storage lives under the node's data directory, never Ratis's /tmp default.
 */
public final class RatisOrdering implements Ordering {
    /** Blocks are capped below this; the Raft log's write buffer must hold the largest entry. */
    public static final int MAX_PROPOSAL_BYTES = 4 * 1024 * 1024;

    private final RaftServer server;
    private final RaftClient client;
    private final RaftGroup group;
    private final LedgerStateMachine stateMachine;

    private RatisOrdering(RaftServer server, RaftClient client, RaftGroup group, LedgerStateMachine stateMachine) {
        this.server = server;
        this.client = client;
        this.group = group;
        this.stateMachine = stateMachine;
    }

    /** A member as written in node.json: its id and host:port. */
    public record Member(String id, String address) {}

    public static RatisOrdering start(String selfId, List<Member> members, UUID groupUuid, Path storageDir,
                                      LedgerEngine engine) {
        Member self = members.stream().filter(m -> m.id().equals(selfId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("node " + selfId + " is not among the members " + members));
        int port = Integer.parseInt(self.address().substring(self.address().lastIndexOf(':') + 1));
        RaftProperties p = properties(storageDir, port);
        RaftGroup group = RaftGroup.valueOf(RaftGroupId.valueOf(groupUuid), members.stream()
                .map(m -> RaftPeer.newBuilder().setId(m.id()).setAddress(m.address()).build()).toList());
        RaftServer server = null;
        LedgerStateMachine sm = new LedgerStateMachine(engine);
        try {
            server = RaftServer.newBuilder()
                    .setServerId(RaftPeerId.valueOf(selfId))
                    .setGroup(group)
                    .setProperties(p)
                    .setStateMachine(sm)
                    .setOption(isEmpty(storageDir) ? RaftStorage.StartupOption.FORMAT : RaftStorage.StartupOption.RECOVER)
                    .build();
            server.start();
            RaftClient client = RaftClient.newBuilder()
                    .setClientId(ClientId.randomId())
                    .setRaftGroup(group)
                    .setProperties(p)
                    .setParameters(new Parameters())
                    .build();
            return new RatisOrdering(server, client, group, sm);
        } catch (IOException e) {
            closeQuietly(server);
            throw new UncheckedIOException("cannot start the Raft server of node " + selfId + " at " + self.address()
                    + " (storage " + storageDir + "): " + e.getMessage(), e);
        }
    }

    private static RaftProperties properties(Path storageDir, int port) {
        RaftProperties p = new RaftProperties();
        RaftConfigKeys.Rpc.setType(p, SupportedRpcType.GRPC);
        RaftServerConfigKeys.setStorageDir(p, List.of(storageDir.toFile()));
        GrpcConfigKeys.Server.setPort(p, port);
        // Ratis requires: message size > appender buffer + 1 MiB; write buffer > appender buffer + 8.
        RaftServerConfigKeys.Log.setWriteBufferSize(p, SizeInBytes.valueOf(2L * MAX_PROPOSAL_BYTES + 1024));
        RaftServerConfigKeys.Log.Appender.setBufferByteLimit(p, SizeInBytes.valueOf(2L * MAX_PROPOSAL_BYTES));
        GrpcConfigKeys.setMessageSizeMax(p, SizeInBytes.valueOf(4L * MAX_PROPOSAL_BYTES));
        RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf(64L * 1024 * 1024));
        // Snapshots (VACUUM INTO) and log purging come with the multi-machine alliance; until then the log is kept.
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, false);
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, 2);
        RaftClientConfigKeys.Rpc.setRequestTimeout(p, TimeDuration.valueOf(30, java.util.concurrent.TimeUnit.SECONDS));
        return p;
    }

    /**
     * Orders the proposal and completes once this replica has applied it too, not only the leader: what a
     * receipt acknowledges is then readable through this node's own queries.
     */
    @Override
    public CompletableFuture<byte[]> order(byte[] proposal) {
        Throwable fatal = stateMachine.failure();
        if (fatal != null) {
            return CompletableFuture.failedFuture(new LedgerHalted("the ledger stopped applying blocks: " + fatal, fatal));
        }
        return client.async().send(Message.valueOf(ByteString.copyFrom(proposal)))
                .thenCompose(reply -> {
                    if (!reply.isSuccess()) {
                        throw new IllegalStateException("ordering failed: " + reply.getException());
                    }
                    byte[] content = reply.getMessage().getContent().toByteArray();
                    return stateMachine.applied(reply.getLogIndex()).thenApply(v -> content);
                });
    }

    /**
     * Waits until a leader is known and this replica has applied everything committed so far: after a restart
     * the log replays in the background, and nothing should read or build on the state before it is done.
     */
    public void awaitCaughtUp(java.time.Duration timeout) {
        // A barrier goes through the leader after everything committed before it; once this replica has
        // applied the barrier it has applied all of that. Waiting on the commit index instead races with a
        // restarted leader that has not yet committed an entry of its new term.
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitLeader(deadline);
        try {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            order(new byte[0]).get(left, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the Raft group " + group.getGroupId() + " did not elect a leader or catch up"
                    + " within " + timeout.toSeconds() + " s (are enough members running?)");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("catching up with the Raft group failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while catching up");
        }
    }

    /** Until a leader is known (and ready, if it is this node), so the barrier is not refused and retried. */
    private void awaitLeader(long deadline) {
        while (System.nanoTime() < deadline) {
            try {
                var info = server.getDivision(group.getGroupId()).getInfo();
                if (info.isLeader() ? info.isLeaderReady() : info.getLeaderId() != null) {
                    return;
                }
                Thread.sleep(20);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public boolean isLeader() {
        try {
            return server.getDivision(group.getGroupId()).getInfo().isLeader();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        closeQuietly(server);
    }

    private static void closeQuietly(RaftServer server) {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Whether the Raft storage directory holds a log yet (absent or empty means a new one will be formatted). */
    public static boolean hasLog(Path storageDir) {
        return !isEmpty(storageDir);
    }

    private static boolean isEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
