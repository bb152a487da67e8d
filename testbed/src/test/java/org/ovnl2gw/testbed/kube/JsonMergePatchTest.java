package org.ovnl2gw.testbed.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7386 appendix A's examples, plus the strategic-merge directives we drop. */
class JsonMergePatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'a':'b'}                 | {'a':'c'}                | {'a':'c'}",
        "{'a':'b'}                 | {'b':'c'}                | {'a':'b','b':'c'}",
        "{'a':'b'}                 | {'a':null}               | {}",
        "{'a':'b','b':'c'}         | {'a':null}               | {'b':'c'}",
        "{'a':['b']}               | {'a':'c'}                | {'a':'c'}",
        "{'a':'c'}                 | {'a':['b']}              | {'a':['b']}",
        "{'a':{'b':'c'}}           | {'a':{'b':'d','c':null}} | {'a':{'b':'d'}}",
        "{'a':[{'b':'c'}]}         | {'a':[1]}                | {'a':[1]}",
        "['a','b']                 | ['c','d']                | ['c','d']",
        "{'a':'b'}                 | ['c']                    | ['c']",
        "{'a':'foo'}               | null                     | null",
        "{'a':'foo'}               | 'bar'                    | 'bar'",
        "{'e':null}                | {'a':1}                  | {'e':null,'a':1}",
        "[1,2]                     | {'a':'b','c':null}       | {'a':'b'}",
        "{}                        | {'a':{'bb':{'ccc':null}}} | {'a':{'bb':{}}}",
    })
    void rfc7386Examples(String target, String patch, String expected) throws Exception {
        assertEquals(json(expected), JsonMergePatch.apply(json(target), json(patch)));
    }

    @Test
    void inputsAreNotModified() throws Exception {
        JsonNode target = json("{'a':{'b':1}}");
        JsonNode patch = json("{'a':{'b':null}}");
        JsonMergePatch.apply(target, patch);
        assertEquals(json("{'a':{'b':1}}"), target);
        assertEquals(json("{'a':{'b':null}}"), patch);
    }

    @Test
    void strategicDirectivesAreDropped() throws Exception {
        JsonNode patch = json("{'$setElementOrder/containers':[{'name':'a'}],'spec':{'$retainKeys':['x'],"
                + "'containers':[{'name':'a','$patch':'replace','image':'i'}]}}");
        assertEquals(json("{'spec':{'containers':[{'name':'a','image':'i'}]}}"),
                JsonMergePatch.withoutStrategicDirectives(patch));
    }

    private static JsonNode json(String singleQuoted) throws Exception {
        return JSON.readTree(singleQuoted.trim().replace('\'', '"'));
    }
}
