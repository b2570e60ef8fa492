package org.waterchain.devices.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.io.ModbusSerialTransaction;
import com.ghgande.j2mod.modbus.io.ModbusSerialTransport;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersResponse;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.msg.WriteCoilRequest;
import com.ghgande.j2mod.modbus.msg.WriteMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.WriteSingleRegisterRequest;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import java.io.IOException;
import java.util.Locale;

/**
 * Modbus RTU requests on one serial line, with every failure sorted into a {@link RequestFailedException.Kind}.
 * One attempt per request: retrying is the poll schedule's business, and a retry loop inside a request would hold
 * the shared bus for several timeouts while other devices wait.
 */
final class RtuMaster implements AutoCloseable {
    private final SerialLine line;
    private ModbusSerialTransaction transaction;

    RtuMaster(SerialLine line) {
        this.line = line;
    }

    void open() throws IOException {
        line.open();
        ModbusSerialTransaction t = new ModbusSerialTransaction();
        t.setTransport((ModbusSerialTransport) line.getModbusTransport());
        // j2mod retries 5 times by default, with random sleeps: a silent device would hold the bus for 5 timeouts.
        t.setRetries(1);
        t.setCheckingValidity(false);
        transaction = t;
    }

    boolean isOpen() {
        return line.isOpen();
    }

    boolean lost() {
        return line.lost();
    }

    @Override
    public void close() {
        transaction = null;
        line.close();
    }

    /** {@code count} registers from protocol address {@code address}, as unsigned 16-bit values. */
    int[] read(int unit, RegisterKind kind, int address, int count, int timeoutMs) throws RequestFailedException {
        String what = String.format(Locale.ROOT, "read %d %s register%s at %d (0x%04X) from unit %d", count, kind,
                count == 1 ? "" : "s", address, address, unit);
        ModbusRequest request = kind == RegisterKind.HOLDING
                ? new ReadMultipleRegistersRequest(address, count)
                : new ReadInputRegistersRequest(address, count);
        ModbusResponse response = execute(unit, request, timeoutMs, what);
        int[] words = new int[count];
        if (response instanceof ReadMultipleRegistersResponse r && r.getWordCount() == count) {
            for (int i = 0; i < count; i++) {
                words[i] = r.getRegister(i).toUnsignedShort();
            }
        } else if (response instanceof ReadInputRegistersResponse r && r.getWordCount() == count) {
            for (int i = 0; i < count; i++) {
                words[i] = r.getRegister(i).toUnsignedShort();
            }
        } else {
            throw new RequestFailedException(RequestFailedException.Kind.BAD_RESPONSE, what + ": the answer does not hold "
                    + count + " registers");
        }
        return words;
    }

    void write(int unit, TriggerStep.Write write, int address, int value, int timeoutMs) throws RequestFailedException {
        String what = String.format(Locale.ROOT, "write %d to %s %d (0x%04X) of unit %d", value, write, address,
                address, unit);
        ModbusRequest request = switch (write) {
            case COIL -> new WriteCoilRequest(address, value != 0);
            case REGISTER -> new WriteSingleRegisterRequest(address, new SimpleRegister(value));
            case REGISTERS -> new WriteMultipleRegistersRequest(address, new Register[] {new SimpleRegister(value)});
        };
        execute(unit, request, timeoutMs, what);
    }

    private ModbusResponse execute(int unit, ModbusRequest request, int timeoutMs, String what)
            throws RequestFailedException {
        if (transaction == null) {
            throw new RequestFailedException(RequestFailedException.Kind.PORT_LOST, what + ": the port is not open");
        }
        request.setUnitID(unit);
        line.setTimeout(timeoutMs);
        transaction.setRequest(request);
        try {
            transaction.execute();
        } catch (ModbusSlaveException e) {
            ModbusExceptionCode code = new ModbusExceptionCode(e.getType());
            throw new RequestFailedException(RequestFailedException.Kind.EXCEPTION_RESPONSE, code, what
                    + ": exception response " + code, e);
        } catch (ModbusException e) {
            if (line.lost()) {
                throw new RequestFailedException(RequestFailedException.Kind.PORT_LOST, null, what + ": serial port "
                        + line.getPortName() + " went away", e);
            }
            String detail = String.valueOf(e.getMessage());
            if (detail.contains("CRC")) {
                throw new RequestFailedException(RequestFailedException.Kind.BAD_RESPONSE, null, what + ": " + detail, e);
            }
            throw new RequestFailedException(RequestFailedException.Kind.TIMEOUT, null, what + ": no answer within "
                    + timeoutMs + " ms", e);
        }
        ModbusResponse response = transaction.getResponse();
        // j2mod's RTU transport takes whatever frame arrives next; a late answer to an earlier request, or another
        // unit's, must not pass for this one's.
        if (response == null || response.getUnitID() != unit
                || (response.getFunctionCode() & 0x7F) != request.getFunctionCode()) {
            throw new RequestFailedException(RequestFailedException.Kind.BAD_RESPONSE, what + ": got "
                    + (response == null ? "nothing" : "an answer from unit " + response.getUnitID() + " to function "
                    + response.getFunctionCode()));
        }
        return response;
    }
}
