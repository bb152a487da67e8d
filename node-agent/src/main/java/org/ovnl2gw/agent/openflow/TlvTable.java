package org.ovnl2gw.agent.openflow;

import java.util.List;

/**
 * The switch's TLV table (NXT_TLV_TABLE_REPLY).
 *
 * @param maxOptionSpace total option bytes the switch supports
 * @param maxFields number of tun_metadata fields it supports
 * @param mappings current mappings
 */
public record TlvTable(long maxOptionSpace, int maxFields, List<TlvMapping> mappings) {
    public TlvTable {
        mappings = List.copyOf(mappings);
    }

    /** Whether this exact mapping is installed, so adding it again can be skipped. */
    public boolean contains(TlvMapping mapping) {
        return mappings.contains(mapping);
    }
}
