package org.ovnl2gw.operator.ovn;

import java.util.Optional;

/** A Southbound Port_Binding of an l2gateway port: which chassis it is bound to and whether it is up. */
public record PortBindingState(String logicalPort, Optional<String> chassisName, boolean up) {

    /** Whether {@code chassis} claimed it: bound there and up. */
    public boolean claimedBy(String chassis) {
        return up && chassisName.filter(chassis::equals).isPresent();
    }
}
