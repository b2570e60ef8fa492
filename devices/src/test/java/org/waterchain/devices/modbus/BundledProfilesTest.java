package org.waterchain.devices.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.record.Quantity;

class BundledProfilesTest {

    @Test
    void everyBundledProfileLoads() {
        List<ModbusProfile> all = ModbusProfiles.bundled();
        assertEquals(ModbusProfiles.bundledIds().size(), all.size());
        for (ModbusProfile p : all) {
            assertFalse(p.documentation().isBlank(), p.id() + " names its source");
            assertFalse(p.manufacturer().isBlank(), p.id());
            assertFalse(p.model().isBlank(), p.id());
            for (ReadBlock b : ReadPlan.of(p)) {
                assertTrue(b.count() >= 1 && b.count() <= ReadPlan.MAX_REGISTERS, p.id() + " " + b);
            }
        }
    }

    @Test
    void theIndexListsEveryProfileFileAndNothingElse() throws IOException, URISyntaxException {
        Path dir = Path.of(ModbusProfiles.class.getResource(ModbusProfiles.DIRECTORY).toURI());
        Set<String> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.equals("index.json"))
                    .map(n -> n.substring(0, n.length() - 5)).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, new TreeSet<>(ModbusProfiles.bundledIds()));
    }

    @Test
    void theBundleCoversTheQuantitiesInstallersAskFor() {
        Set<Quantity> covered = ModbusProfiles.bundled().stream().flatMap(p -> p.points().stream())
                .map(ModbusPoint::quantity).collect(Collectors.toSet());
        for (Quantity q : List.of(Quantity.EC, Quantity.PH, Quantity.TURBIDITY, Quantity.SS, Quantity.DO, Quantity.FLOW,
                Quantity.TEMPERATURE)) {
            assertTrue(covered.contains(q), q + " is read by some bundled profile");
        }
    }

    @Test
    void aqualaboProfilesTriggerAMeasurementBeforeReading() {
        ModbusProfile c4e = ModbusProfiles.bundled("aqualabo-ponsel-c4e");
        assertEquals(List.of(new TriggerStep(TriggerStep.Write.REGISTER, 1, 0x1F, 600)), c4e.trigger());
        ModbusPoint ec = c4e.points().stream().filter(p -> p.quantity() == Quantity.EC).findFirst().orElseThrow();
        assertEquals(0x55, ec.address(c4e.addressBase()));
        assertEquals(WordOrder.ABCD, ec.wordOrder());
    }

    @Test
    void ntuProfileReadsThroughTheFnuChannelInOneRequest() {
        List<ReadBlock> blocks = ReadPlan.of(ModbusProfiles.bundled("aqualabo-ponsel-ntu"));
        assertEquals(1, blocks.size());
        assertEquals(0x53, blocks.get(0).start());
        assertEquals(8, blocks.get(0).count());
    }

    @Test
    void oneBasedManualNumbersBecomeProtocolAddresses() {
        ModbusProfile hach = ModbusProfiles.bundled("hach-ldo-aqs");
        assertEquals(0, hach.points().get(0).address(hach.addressBase()), "40001 is holding register address 0");
        ModbusProfile tuf = ModbusProfiles.bundled("tuf-2000-flow");
        assertEquals(0, tuf.points().get(0).address(tuf.addressBase()), "REG0001 is requested as address 0");
        assertEquals(WordOrder.CDAB, tuf.points().get(0).wordOrder());
    }

    @Test
    void unknownBundledIdSaysWhichExist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModbusProfiles.bundled("nope"));
        assertTrue(e.getMessage().startsWith("no bundled Modbus profile 'nope' (bundled: aqualabo-ponsel-c4e,"),
                e.getMessage());
    }
}
