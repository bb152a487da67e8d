package org.ovnl2gw.operator.ovn;

/** A Logical_Switch_Port with our deterministic name exists but is not ours: we never touch it. */
public class PortNameTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PortNameTakenException(String portName) {
        super("a Logical_Switch_Port named " + portName + " exists and is not owned by the operator");
    }
}
