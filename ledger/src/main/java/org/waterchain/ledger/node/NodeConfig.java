package org.waterchain.ledger.node;

import java.util.List;
import org.waterchain.ledger.consensus.RatisOrdering.Member;

/**
 * node.json: who this node is in the Raft group and which alliance (genesis hash) it belongs to.
 *
 * @param members every voting member of the group, this node included
 */
public record NodeConfig(String nodeId, List<Member> members, String allianceId) {
    public NodeConfig {
        members = List.copyOf(members);
    }

    /** The embedded default: a one-member group on 127.0.0.1 for the alliance of these genesis blocks. */
    public static NodeConfig singleMember(String nodeId, int port, List<org.waterchain.ledger.chain.Block> genesis) {
        return new NodeConfig(nodeId, List.of(new Member(nodeId, "127.0.0.1:" + port)), GenesisFile.allianceId(genesis));
    }
}
