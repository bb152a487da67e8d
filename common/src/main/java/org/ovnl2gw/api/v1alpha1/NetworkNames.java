package org.ovnl2gw.api.v1alpha1;

/** The network-name rule, shared by L2Gateway and BridgeMapping so they always agree. */
final class NetworkNames {

    private NetworkNames() {
    }

    static void check(SpecChecker checker, String path, String networkName) {
        if (checker.required(path, networkName)) {
            checker.text(path, networkName, FieldRules.NETWORK_NAME_MAX_LENGTH, FieldRules.NETWORK_NAME_PATTERN,
                    "a name without ',', ':' or whitespace (it goes into ovn-bridge-mappings)");
        }
    }
}
