package io.sessiongrid.session;

/** The rules for identifiers and names, checked before anything is written. */
public final class Names {
    /** Longest session id. */
    public static final int MAX_ID_LENGTH = 128;
    /** Partition and element names. */
    public static final String NAME_PATTERN = "[A-Za-z0-9._-]{1,64}";
    /** Session ids. */
    public static final String ID_PATTERN = "[A-Za-z0-9._:@-]{1," + MAX_ID_LENGTH + "}";


    private Names() {
    }

    /** Checks a session id and returns it. */
    public static String requireSessionId(String sessionId) {
        if (sessionId == null) {
            throw new InvalidNameException("session id must not be null; allowed: " + ID_PATTERN);
        }
        if (sessionId.isBlank()) {
            throw new InvalidNameException("session id must not be blank; allowed: " + ID_PATTERN);
        }
        if (sessionId.length() > MAX_ID_LENGTH) {
            throw new InvalidNameException("session id is " + sessionId.length() + " characters long; at most "
                    + MAX_ID_LENGTH + " are allowed");
        }
        if (!allowed(sessionId, true)) {
            throw new InvalidNameException("session id '" + printable(sessionId) + "' has characters outside " + ID_PATTERN);
        }
        return sessionId;
    }

    /** Checks a partition or element name ({@code what} says which) and returns it. */
    public static String requireName(String what, String name) {
        if (name == null || name.isEmpty() || name.length() > 64 || !allowed(name, false)) {
            String shown = name == null ? "null" : "'" + printable(name) + "'";
            throw new InvalidNameException(what + " name " + shown + " is not allowed; allowed: " + NAME_PATTERN);
        }
        return name;
    }

    /** A loop rather than a regex: this runs on every store call. */
    private static boolean allowed(String s, boolean id) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-' || (id && (c == ':' || c == '@'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
