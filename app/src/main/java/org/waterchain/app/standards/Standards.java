package org.waterchain.app.standards;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;

/** The standards in force, as the registry on the ledger holds them; immutable, replaced when the registry changes. */
public record Standards(Map<Quantity, Standard> byQuantity) {
    public Standards {
        byQuantity = Map.copyOf(byQuantity);
    }

    public static Standards of(List<RegistryAction> actions) {
        Map<Quantity, Standard> m = new EnumMap<>(Quantity.class);
        for (RegistryAction a : actions) {
            if (a instanceof SetStandard s && Quantity.bySymbol(s.quantity()).isPresent()) {
                Standard st = Standard.of(s);
                m.put(st.quantity(), st);
            }
        }
        return new Standards(m);
    }

    public Optional<Standard> of(Quantity q) {
        return Optional.ofNullable(byQuantity.get(q));
    }

    public ComplianceClass classify(int quantityCode, double value) {
        return Quantity.byCode(quantityCode).flatMap(this::of).map(s -> s.classify(value)).orElse(ComplianceClass.NONE);
    }
}
