package org.ovnl2gw.ovsdb;

/** The five OVSDB atomic types, each with the Java class its values have in this package. */
public enum AtomicType {
    INTEGER("integer", Long.class, 0L),
    REAL("real", Double.class, 0.0),
    BOOLEAN("boolean", Boolean.class, Boolean.FALSE),
    STRING("string", String.class, ""),
    UUID("uuid", Uuid.class, new Uuid(new java.util.UUID(0, 0)));

    private final String wireName;
    private final Class<?> javaType;
    private final Object defaultValue;

    AtomicType(String wireName, Class<?> javaType, Object defaultValue) {
        this.wireName = wireName;
        this.javaType = javaType;
        this.defaultValue = defaultValue;
    }

    public String wireName() {
        return wireName;
    }

    public Class<?> javaType() {
        return javaType;
    }

    /** The value RFC 7047 gives a column of this type when nothing was set. */
    public Object defaultValue() {
        return defaultValue;
    }

    public static AtomicType fromWire(String name) {
        for (AtomicType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown OVSDB atomic type: " + name);
    }
}
