package org.ovnl2gw.testbed.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class NullNamespacesTest {
    @Test
    void aNullNamespaceGoesFromAnObjectAListsItemsAndAWatchEventAndNothingElseChanges() {
        assertEquals(json("{'metadata':{'name':'x'},'spec':{'namespace':null}}"),
                NullNamespaces.dropped(json("{'metadata':{'name':'x','namespace':null},'spec':{'namespace':null}}")));
        assertEquals(json("{'items':[{'metadata':{'name':'x'}},{'metadata':{'name':'y','namespace':'a'}}]}"),
                NullNamespaces.dropped(json("{'items':[{'metadata':{'name':'x','namespace':null}},"
                        + "{'metadata':{'name':'y','namespace':'a'}}]}")));
        assertEquals(json("{'type':'MODIFIED','object':{'metadata':{'name':'x'}}}"),
                NullNamespaces.dropped(json("{'type':'MODIFIED','object':{'metadata':{'name':'x','namespace':null}}}")));
        String untouched = json("{'metadata':{'name':'x','namespace':'a'}}");
        assertSame(untouched, NullNamespaces.dropped(untouched));
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
