/**
 * Modbus RTU transmitters: JSON device profiles, register decoding and a poller that turns a transmitter's
 * registers into {@link org.waterchain.devices.sample.Sample}s.
 *
 * <h2>Profile format</h2>
 * A profile describes one transmitter model. Bundled profiles are in {@code profiles/} beside this package and
 * listed in {@code profiles/index.json}; an installer can write one for another model and point an installation
 * file at it.
 *
 * <pre>{@code
 * {
 *   "manufacturer": "Aqualabo (PONSEL)",
 *   "model": "C4E digital conductivity sensor",
 *   "documentation": "manual title, section, URL: where every register below comes from",
 *   "notes": "what could not be confirmed",                          (optional)
 *   "serial": { "baud": 9600, "dataBits": 8, "parity": "NONE", "stopBits": 1 },
 *   "defaultUnitId": 30,
 *   "addressBase": 0,              0: the manual writes protocol addresses; 1: it numbers registers from 1
 *                                  (a manual's 40001 is register 1 with base 1, function 3)
 *   "responseTimeoutMs": 1000,     (optional, default 1000)
 *   "maxGapRegisters": 0,          (optional) unused registers a request may read through to join two points
 *   "trigger": [                   (optional) writes before each poll, e.g. "measure now"
 *     { "function": 6, "register": "0x0001", "value": "0x001F", "waitMs": 600 }     function 5, 6 or 16
 *   ],
 *   "points": [
 *     { "name": "Conductivity",    (optional, default: the quantity's name)
 *       "quantity": "EC",          a Quantity symbol: FLOW, EC, SS, UV254, TURB, PH, TEMP, ORP, DO, LEVEL, PRES, ...
 *       "function": 3,             3 holding registers, 4 input registers
 *       "register": "0x0055",      as written in the manual; decimal, or "0x..." text
 *       "type": "float32",         int16, uint16, int32, uint32, float32
 *       "wordOrder": "ABCD",       32-bit types only: ABCD, CDAB, BADC, DCBA
 *       "scale": 1, "offset": 0,   (optional) value = raw * scale + offset, in the quantity's unit
 *       "validRange": { "min": 0, "max": 200000 },   (optional) in engineering units
 *       "sentinels": [9999] }      (optional) raw values that mean "no measurement"
 *   ]
 * }
 * }</pre>
 *
 * Every problem is reported as a {@link org.waterchain.devices.modbus.ConfigException} naming the file and the
 * field, e.g. {@code profiles/x.json: points[2].wordOrder: 'ABDC' is not one of ABCD, CDAB, BADC, DCBA}.
 *
 * <h2>Quality of readings</h2>
 * See {@link org.waterchain.devices.modbus.RegisterDecoder}: NaN becomes 0 with quality BAD; a sentinel or a value
 * outside the valid range keeps its value with quality BAD. A point whose request failed is left out of the
 * sample, and a device that does not answer yields no sample; both show in
 * {@link org.waterchain.devices.modbus.DeviceStatus}.
 *
 * <h2>Installation</h2>
 * {@link org.waterchain.devices.modbus.ModbusInstallation} binds profiles to ports, unit ids, device ids and poll
 * intervals; {@link org.waterchain.devices.modbus.ModbusPoller} polls them. Samples are unsigned: a
 * {@link org.waterchain.devices.signing.RecordSigner} with a key from
 * {@link org.waterchain.devices.signing.GatewayKeys} signs them downstream.
 */
package org.waterchain.devices.modbus;
