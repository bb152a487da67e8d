package org.ovnl2gw.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Provides physical networks on a set of nodes: OVS bridges, uplinks and
 * {@code ovn-bridge-mappings} entries. Cluster-scoped like {@link L2Gateway}: node plumbing
 * is an administrator's act.
 */
@Group(L2Gateway.GROUP)
@Version(L2Gateway.VERSION)
@Kind("BridgeMapping")
@Plural("bridgemappings")
@ShortNames("bm")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class BridgeMapping extends CustomResource<BridgeMappingSpec, BridgeMappingStatus> {

    public BridgeMapping() {
    }

    /** A resource ready to create: name and spec, no status. */
    public BridgeMapping(String name, BridgeMappingSpec spec) {
        setMetadata(new ObjectMetaBuilder().withName(name).build());
        setSpec(spec);
    }
}
