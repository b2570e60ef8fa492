#!/usr/bin/env python3
"""Modbus RTU slave for WaterChain's Modbus integration test (org.waterchain.it.modbus.ModbusRtuTest).

Serves, on the serial port given, known values in every data type and word order, encoded here with Python's
struct module so that the Java decoder is checked against an independent encoder:

  holding 0-7    float32 12.5          in ABCD, CDAB, BADC, DCBA (2 registers each, in that order)
  holding 10-17  int32   -123456       in ABCD, CDAB, BADC, DCBA
  holding 20-27  uint32  3000000000    in ABCD, CDAB, BADC, DCBA
  holding 30     int16   -1234
  holding 31     uint16  54321
  holding 40-41  float32 NaN           ABCD
  holding 50     0, for a trigger to write into
  input   0      uint16  777

Registers 0-99 exist in each table; reading beyond them gets exception 2 (illegal data address). Units 1-6 answer
(all with the same registers); any other unit id gets no answer at all.

Written for pymodbus 3.0 (Debian bookworm's python3-pymodbus, with python3-serial-asyncio). pymodbus defaults to
the ASCII framer for serial servers: the RTU framer is given explicitly. Prints READY once the port is open.
Exits with status 3 when the installed pymodbus is not one this script supports.
"""
import argparse
import asyncio
import inspect
import math
import struct
import sys

ORDERS = ["ABCD", "CDAB", "BADC", "DCBA"]
FLOAT32 = 12.5
INT32 = -123456
UINT32 = 3000000000
INT16 = -1234
UINT16 = 54321
INPUT0 = 777
SERVED_UNITS = [1, 2, 3, 4, 5, 6]
SIZE = 100


def registers(fmt, value, order):
    """Two registers carrying value (struct format fmt) with its bytes A B C D (A most significant) in order."""
    a, b, c, d = struct.pack(">" + fmt, value)
    arranged = {"ABCD": (a, b, c, d), "CDAB": (c, d, a, b), "BADC": (b, a, d, c), "DCBA": (d, c, b, a)}[order]
    return [arranged[0] << 8 | arranged[1], arranged[2] << 8 | arranged[3]]


def holding():
    regs = [0] * SIZE
    for i, order in enumerate(ORDERS):
        regs[0 + 2 * i:2 + 2 * i] = registers("f", FLOAT32, order)
        regs[10 + 2 * i:12 + 2 * i] = registers("i", INT32, order)
        regs[20 + 2 * i:22 + 2 * i] = registers("I", UINT32, order)
    regs[30] = struct.unpack(">H", struct.pack(">h", INT16))[0]
    regs[31] = UINT16
    regs[40:42] = registers("f", math.nan, "ABCD")
    return regs


def inputs():
    regs = [0] * SIZE
    regs[0] = INPUT0
    return regs


async def serve(port):
    import pymodbus
    from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
    from pymodbus.server import StartAsyncSerialServer
    from pymodbus.transaction import ModbusRtuFramer

    if "defer_start" not in inspect.signature(StartAsyncSerialServer).parameters:
        print(f"pymodbus {pymodbus.__version__} is not supported: this script needs the pymodbus 3.0 server API "
              "(StartAsyncSerialServer(defer_start=...)), as in Debian bookworm's python3-pymodbus", file=sys.stderr)
        sys.exit(3)

    # zero_mode: register N of a request is element N of the block (pymodbus otherwise shifts by one).
    store = ModbusSlaveContext(
        hr=ModbusSequentialDataBlock(0, holding()),
        ir=ModbusSequentialDataBlock(0, inputs()),
        zero_mode=True,
    )
    context = ModbusServerContext(slaves={unit: store for unit in SERVED_UNITS}, single=False)
    server = await StartAsyncSerialServer(
        context=context,
        framer=ModbusRtuFramer,
        port=port,
        baudrate=9600,
        bytesize=8,
        parity="N",
        stopbits=1,
        ignore_missing_slaves=True,
        defer_start=True,
    )
    await server.start()
    if server.transport is None:
        print(f"cannot open serial port {port}", file=sys.stderr)
        sys.exit(2)
    print("READY", flush=True)
    await server.serve_forever()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", required=True, help="serial port path, e.g. one end of a socat pty pair")
    args = parser.parse_args()
    asyncio.run(serve(args.port))


if __name__ == "__main__":
    main()
