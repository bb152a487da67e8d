package org.ovnl2gw.testbed.kube;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.CrudDispatcher;
import io.fabric8.mockwebserver.crud.Value;
import java.lang.reflect.Field;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * fabric8's CRUD store, finding one object by its name without scanning everything stored. The store answers a
 * create, update or patch by first looking the object up ({@link #findResource}), which it does by matching every
 * stored entry against the request's attributes: at 1,000 L2Gateways that scan was half the time of each write.
 * Here the store's map is one that also indexes its keys by {@code metadata.name}, so a lookup that names an
 * object matches only the entries of that name, with the store's own matching. Every change of the map goes
 * through {@code put}, {@code remove} or {@code clear}, so the index cannot miss one; lookups without a plain
 * name (lists, wildcards) still scan, as before.
 */
final class IndexedCrudStore extends KubernetesCrudDispatcher {
    private static final String NAME = "name";

    private final NameIndexedMap entries = new NameIndexedMap();
    // the store's own kind of map (its iterations synchronize on it), over the indexed one
    private final Map<AttributeSet, String> guarded = Collections.synchronizedMap(entries);

    IndexedCrudStore() {
        super(List.of());
        replaceMap();
    }

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
        String name = plainName(attributes);
        if (name == null) {
            return super.findResource(attributes);
        }
        synchronized (guarded) {
            for (AttributeSet key : entries.keysNamed(name)) {
                if (key.matches(attributes)) {
                    return Map.entry(key, entries.get(key));
                }
            }
            return null;
        }
    }

    /** The one name {@code attributes} asks for, or null when it asks for none, several or any. */
    private static String plainName(AttributeSet attributes) {
        Attribute name = attributes.getAttribute(NAME);
        if (name == null || name.getValues().size() != 1) {
            return null;
        }
        String value = name.getValues().get(0).toString();
        // Value "*" matches every name
        return new Value(value).equals(new Value("other-" + value)) ? null : value;
    }

    // CrudDispatcher creates its map itself and keeps it in a final field: there is no other way in.
    private void replaceMap() {
        try {
            Field map = CrudDispatcher.class.getDeclaredField("map");
            map.setAccessible(true);
            if (!((Map<?, ?>) map.get(this)).isEmpty()) {
                throw new IllegalStateException("the store holds objects before its index exists");
            }
            map.set(this, guarded);
            if (getMap() != guarded) {
                throw new IllegalStateException("the store's map was not replaced");
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot index fabric8's CRUD store (has CrudDispatcher.map changed?)", e);
        }
    }

    /** Insertion-ordered as the store's own map, plus the keys of each name. Guarded by {@code guarded}. */
    private static final class NameIndexedMap extends AbstractMap<AttributeSet, String> {
        private final LinkedHashMap<AttributeSet, String> all = new LinkedHashMap<>();
        private final Map<String, Set<AttributeSet>> byName = new HashMap<>();

        Set<AttributeSet> keysNamed(String name) {
            return byName.getOrDefault(name, Set.of());
        }

        @Override
        public String get(Object key) {
            return all.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return all.containsKey(key);
        }

        @Override
        public String put(AttributeSet key, String value) {
            String before = all.put(key, value);
            for (String name : names(key)) {
                byName.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(key);
            }
            return before;
        }

        @Override
        public String remove(Object key) {
            if (!(key instanceof AttributeSet set) || !all.containsKey(set)) {
                return null;
            }
            for (String name : names(set)) {
                Set<AttributeSet> keys = byName.get(name);
                if (keys != null && keys.remove(set) && keys.isEmpty()) {
                    byName.remove(name);
                }
            }
            return all.remove(set);
        }

        @Override
        public void clear() {
            all.clear();
            byName.clear();
        }

        @Override
        public int size() {
            return all.size();
        }

        // read-only: the store changes entries only through put, remove and clear
        @Override
        public Set<Map.Entry<AttributeSet, String>> entrySet() {
            return Collections.unmodifiableMap(all).entrySet();
        }

        private static List<String> names(AttributeSet key) {
            Attribute name = key.getAttribute(NAME);
            return name == null ? List.of() : name.getValues().stream().map(Value::toString).toList();
        }
    }
}
