package org.ovnl2gw.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fixture itself: real ovn-controllers register and switch traffic between hv1 and hv2. */
class SeedTopologyIT {
    private Testbed testbed;

    @BeforeEach
    void start() {
        testbed = Testbed.create("seed");
    }

    @AfterEach
    void stop() {
        testbed.close();
    }

    @Test
    void hypervisorsRegisterAndSwitchFramesBetweenThem() throws Exception {
        SeedTopology topology = SeedTopology.build(testbed, List.of("hv_gw"), true);
        OvnCentral central = topology.central();
        Eventually.eventually(Duration.ofSeconds(30), "both hypervisors registered",
                () -> central.sbFind("Chassis", "name").size() >= 2);
        assertEquals(List.of("hv1", "hv2"), central.sbFind("Chassis", "name").stream().sorted().toList());
        central.nbctl("--wait=hv", "sync");
        String frame = "f00000000002" + "f00000000001" + "0012";
        var pcap = topology.hypervisor(2).rundir().resolve("vif2-tx.pcap");
        topology.hypervisor(1).appctl("netdev-dummy/receive", "vif1", frame);
        Eventually.eventually(Duration.ofSeconds(10), "vif2 received the unicast from vif1",
                () -> PcapFile.frames(pcap).contains(frame));
        assertTrue(topology.gateway("hv_gw").vswitchd().isAlive());
    }
}
