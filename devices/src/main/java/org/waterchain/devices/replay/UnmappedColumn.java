package org.waterchain.devices.replay;

/** A column a mapping deliberately leaves out, and why: part of the mapping's documentation, shown in reports. */
public record UnmappedColumn(String column, String reason) {}
