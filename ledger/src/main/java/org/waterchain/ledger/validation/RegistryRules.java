package org.waterchain.ledger.validation;

import static org.waterchain.ledger.validation.Violation.Code.*;

import java.util.Arrays;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.registry.Registry;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.AddMember;
import org.waterchain.ledger.registry.RegistryAction.GrantLicence;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterFactory;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;
import org.waterchain.ledger.registry.RegistryAction.RetireDevice;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;
import org.waterchain.ledger.registry.Role;
import org.waterchain.ledger.store.LedgerDatabase;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.ValueEntry;
import org.waterchain.ledger.value.Witness;

/**
 * Who may change the registry, and what a change must satisfy. Regulators may do everything; a station's
 * operator may enroll and retire its own devices. In the genesis block the proposer bootstraps the alliance.
 */
final class RegistryRules {
    private RegistryRules() {}

    static void apply(PreparedEntry p, Registry registry, LedgerDatabase db, long height, byte[] proposerKey)
            throws Violation {
        ValueEntry entry = (ValueEntry) p.entry();
        RegistryAction action = (RegistryAction) p.payload();
        if (db.validEntryExists(ChainId.VALUE, p.id())) {
            throw new Violation(DUPLICATE, "registry change " + Hex.of(p.id()).substring(0, 16) + " is already on the chain");
        }
        if (entry.witnesses().size() != 1) {
            throw new Violation(MALFORMED, "a registry change has exactly one signer, got " + entry.witnesses().size());
        }
        if (!p.signaturesValid()) {
            throw new Violation(BAD_SIGNATURE, "signature of the registry change does not verify");
        }
        Witness signer = entry.witnesses().get(0);
        boolean bootstrap = height == 0 && Arrays.equals(signer.publicKey(), proposerKey);
        if (!bootstrap) {
            checkPermission(action, signer.address(), registry);
        }
        checkData(action, registry);
        boolean active = registry.apply(action);
        db.putRegistry(action.kind(), action.key(), storedFields(action, registry), active, height);
    }

    /** A retirement keeps the device's last registration, marked inactive. */
    private static byte[] storedFields(RegistryAction action, Registry registry) {
        if (action instanceof RetireDevice r) {
            return RegistryAction.encodeFields(registry.device(r.deviceId()).orElseThrow());
        }
        return RegistryAction.encodeFields(action);
    }

    private static void checkPermission(RegistryAction action, Address signer, Registry registry) throws Violation {
        if (registry.member(signer).isEmpty()) {
            throw new Violation(NOT_MEMBER, "registry change by " + signer + ", who is not an alliance member");
        }
        if (registry.hasRole(signer, Role.REGULATOR)) {
            return;
        }
        java.util.List<String> stations = new java.util.ArrayList<>();
        String deviceId = null;
        if (action instanceof RegisterDevice d) {
            stations.add(d.stationId());
            deviceId = d.deviceId();
        } else if (action instanceof RetireDevice r) {
            deviceId = r.deviceId();
        }
        // A device that exists already stays under the control of its current station's operator.
        if (deviceId != null) {
            registry.device(deviceId).map(RegisterDevice::stationId).ifPresent(stations::add);
        }
        if (stations.isEmpty()) {
            throw new Violation(NOT_PERMITTED, signer + " may not make " + action.kind() + " changes: only regulators may");
        }
        for (String stationId : stations) {
            if (!registry.station(stationId).map(s -> s.operator().equals(signer)).orElse(false)) {
                throw new Violation(NOT_PERMITTED, signer + " may not make " + action.kind() + " changes for station "
                        + stationId + ": it does not operate it");
            }
        }
    }

    private static void checkData(RegistryAction action, Registry registry) throws Violation {
        if (action instanceof AddMember m) {
            require(!m.name().isBlank(), "member name is empty");
            require(m.roles() != 0 && m.roles() < (1 << Role.values().length), "member roles " + m.roles() + " are not valid");
        } else if (action instanceof RegisterStation s) {
            requireId(s.id(), "station");
            require(!s.name().isBlank(), "station name is empty");
        } else if (action instanceof RegisterDevice d) {
            requireId(d.deviceId(), "device");
            if (registry.station(d.stationId()).isEmpty()) {
                throw new Violation(UNKNOWN_STATION, "device " + d.deviceId() + " names unknown station " + d.stationId());
            }
            String holder = registry.deviceWithKey(d.publicKey()).orElse(null);
            if (holder != null && !holder.equals(d.deviceId())) {
                throw new Violation(KEY_IN_USE, "key is already registered to device " + holder);
            }
        } else if (action instanceof RetireDevice r) {
            if (registry.device(r.deviceId()).isEmpty() || registry.isRetired(r.deviceId())) {
                throw new Violation(UNKNOWN_DEVICE, "no active device " + r.deviceId() + " to retire");
            }
        } else if (action instanceof RegisterFactory f) {
            requireId(f.id(), "factory");
            for (String q : f.pollutants()) {
                if (!isSymbol(q)) {
                    throw new Violation(UNKNOWN_QUANTITY, "factory " + f.id() + " lists unknown pollutant " + q);
                }
            }
            require(f.permittedDischargeM3Day() >= 0, "permitted discharge is negative");
        } else if (action instanceof AddChannel c) {
            requireId(c.id(), "channel");
            require(!c.fromNode().equals(c.toNode()), "channel " + c.id() + " flows from a node to itself");
            require(c.lengthM() > 0, "channel " + c.id() + " has length " + c.lengthM());
            var loop = ChannelCycles.closedBy(c, registry);
            if (loop.isPresent()) {
                throw new Violation(CHANNEL_CYCLE, "channel " + c.id() + " would make water flow in a loop: "
                        + ChannelCycles.describe(loop.get()));
            }
        } else if (action instanceof SetStandard s) {
            if (!isSymbol(s.quantity())) {
                throw new Violation(UNKNOWN_QUANTITY, "standard for unknown quantity " + s.quantity());
            }
            require(!Double.isNaN(s.min()) || !Double.isNaN(s.max()), "standard sets neither a minimum nor a maximum");
            require(Double.isNaN(s.min()) || Double.isNaN(s.max()) || s.min() < s.max(), "standard minimum is not below maximum");
            require(s.warnFraction() > 0 && s.warnFraction() <= 1, "warn fraction must lie in (0, 1]");
        } else if (action instanceof GrantLicence l) {
            if (!Asset.POLLUTION_ANY.equals(l.assetPattern()) && Asset.problemWith(l.assetPattern()) != null) {
                throw new Violation(INVALID_ASSET, "licence for " + Asset.problemWith(l.assetPattern()));
            }
        }
    }

    /** The exact symbol ("CU", not "cu"): it is a registry key, and two spellings would be two standards. */
    private static boolean isSymbol(String s) {
        return Quantity.bySymbol(s).map(q -> q.symbol().equals(s)).orElse(false);
    }

    private static void requireId(String id, String what) throws Violation {
        require(!id.isEmpty() && id.length() <= 32 && id.chars().allMatch(c -> c > 32 && c < 127),
                what + " id '" + id + "' must be 1-32 printable ASCII characters without spaces");
    }

    private static void require(boolean ok, String detail) throws Violation {
        if (!ok) {
            throw new Violation(INVALID_REGISTRY_DATA, detail);
        }
    }
}
