package org.waterchain.ledger.registry;

import java.util.EnumSet;
import java.util.Set;

/** Roles of alliance members; a member may hold several. Stored as a bit set. */
public enum Role {
    /** Water department, irrigation association: registers stations, devices, factories; issues permits. */
    REGULATOR,
    /** May propose blocks (its key signs block headers). */
    VALIDATOR,
    /** Operates a water or waste-water plant and its stations. */
    PLANT,
    /** A factory operator that draws or discharges water. */
    INDUSTRY,
    /** Reads and audits everything; proposes nothing. */
    AUDITOR;

    public int bit() {
        return 1 << ordinal();
    }

    public static int bits(Set<Role> roles) {
        int b = 0;
        for (Role r : roles) {
            b |= r.bit();
        }
        return b;
    }

    public static Set<Role> of(int bits) {
        EnumSet<Role> s = EnumSet.noneOf(Role.class);
        for (Role r : values()) {
            if ((bits & r.bit()) != 0) {
                s.add(r);
            }
        }
        return s;
    }
}
