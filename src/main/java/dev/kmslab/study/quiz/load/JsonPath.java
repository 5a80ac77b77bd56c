package dev.kmslab.study.quiz.load;

import com.fasterxml.jackson.core.JsonPointer;

/** A location inside a JSON document, printed as {@code questions[12].answer[0]} for people. */
public final class JsonPath {

    private static final JsonPath ROOT = new JsonPath(null, null, -1);

    private final JsonPath parent;
    private final String field;
    private final int index;

    private JsonPath(JsonPath parent, String field, int index) {
        this.parent = parent;
        this.field = field;
        this.index = index;
    }

    public static JsonPath root() {
        return ROOT;
    }

    public JsonPath field(String name) {
        return new JsonPath(this, name, -1);
    }

    public JsonPath index(int i) {
        return new JsonPath(this, null, i);
    }

    public JsonPointer toPointer() {
        if (parent == null) {
            return JsonPointer.empty();
        }
        JsonPointer head = parent.toPointer();
        return field != null ? head.appendProperty(field) : head.appendIndex(index);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "";
        }
        String head = parent.toString();
        if (field == null) {
            return head + "[" + index + "]";
        }
        return head.isEmpty() ? field : head + "." + field;
    }
}
