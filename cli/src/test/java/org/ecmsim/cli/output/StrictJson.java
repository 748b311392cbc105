package org.ecmsim.cli.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259) for the tests: recursive descent over the grammar, failing on anything the
 * grammar does not allow (unescaped control characters, NaN, leading zeros, trailing commas, text after the value).
 * Objects come back as {@link LinkedHashMap} in document order, arrays as lists, numbers as the {@code double} that
 * {@link Double#parseDouble} gives for their text, and the number text itself through {@link #numberTexts}.
 */
final class StrictJson {

    private final String s;
    private int p;
    /** Every number as written, in document order. */
    final List<String> numberTexts = new ArrayList<>();

    private StrictJson(String s) {
        this.s = s;
    }

    /** Parses a whole document (surrounding whitespace allowed). */
    static Object parse(String text) {
        return new StrictJson(text).document();
    }

    /** Parses a whole document and returns the reader, for its {@link #numberTexts}. */
    static StrictJson reader(String text) {
        StrictJson r = new StrictJson(text);
        r.document();
        return r;
    }

    private Object document() {
        ws();
        Object v = value();
        ws();
        if (p != s.length()) {
            throw error("text after the value");
        }
        return v;
    }

    private Object value() {
        if (p >= s.length()) {
            throw error("value expected");
        }
        char c = s.charAt(p);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected '" + c + "'");
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        p++;
        ws();
        if (peek() == '}') {
            p++;
            return m;
        }
        while (true) {
            ws();
            if (peek() != '"') {
                throw error("key expected");
            }
            String key = string();
            ws();
            expect(':');
            ws();
            if (m.containsKey(key)) {
                throw error("duplicate key " + key);
            }
            m.put(key, value());
            ws();
            char c = next();
            if (c == '}') {
                return m;
            }
            if (c != ',') {
                throw error("',' or '}' expected");
            }
        }
    }

    private List<Object> array() {
        List<Object> l = new ArrayList<>();
        p++;
        ws();
        if (peek() == ']') {
            p++;
            return l;
        }
        while (true) {
            ws();
            l.add(value());
            ws();
            char c = next();
            if (c == ']') {
                return l;
            }
            if (c != ',') {
                throw error("',' or ']' expected");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw error("unescaped control character " + (int) c);
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (p + 4 > s.length()) {
                        throw error("short \\u escape");
                    }
                    b.append((char) Integer.parseInt(s.substring(p, p + 4), 16));
                    p += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private Double number() {
        int start = p;
        if (peek() == '-') {
            p++;
        }
        if (peek() == '0') {
            p++;
        } else if (peek() >= '1' && peek() <= '9') {
            digits();
        } else {
            throw error("digit expected");
        }
        if (peek() == '.') {
            p++;
            if (!(peek() >= '0' && peek() <= '9')) {
                throw error("digit expected after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            p++;
            if (peek() == '+' || peek() == '-') {
                p++;
            }
            if (!(peek() >= '0' && peek() <= '9')) {
                throw error("digit expected in exponent");
            }
            digits();
        }
        String text = s.substring(start, p);
        numberTexts.add(text);
        return Double.parseDouble(text);
    }

    private void digits() {
        while (peek() >= '0' && peek() <= '9') {
            p++;
        }
    }

    private void literal(String word) {
        if (!s.startsWith(word, p)) {
            throw error(word + " expected");
        }
        p += word.length();
    }

    private void ws() {
        while (p < s.length() && " \t\n\r".indexOf(s.charAt(p)) >= 0) {
            p++;
        }
    }

    private char peek() {
        return p < s.length() ? s.charAt(p) : '\0';
    }

    private char next() {
        if (p >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(p++);
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("'" + c + "' expected");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid JSON at " + p + ": " + what + " in «"
                + s.substring(Math.max(0, p - 20), Math.min(s.length(), p + 20)) + "»");
    }
}
