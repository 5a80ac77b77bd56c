package dev.kmslab.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.error.AlreadyExistsException;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.policy.PolicyParser;
import dev.kmslab.engine.policy.PolicyValidationException;
import dev.kmslab.engine.policy.PrincipalDirectory;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code serve --roles-file FILE}: the lab's roles (and the users who assume them) declared in one JSON file, with the
 * member names of IAM's CreateRole and PutRolePolicy:
 * <pre>{@code
 * {
 *   "Roles": [
 *     {
 *       "RoleName": "Ops",
 *       "Account": "111122223333",
 *       "MaxSessionDuration": 7200,
 *       "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [...]},
 *       "Policies": {"use-keys": {"Version": "2012-10-17", "Statement": [...]}}
 *     }
 *   ],
 *   "Users": [
 *     {"UserName": "alice", "Policies": {"assume-ops": {...}}}
 *   ]
 * }
 * }</pre>
 * {@code Account} is optional (the home account), as are {@code MaxSessionDuration} (3600 to 43200 seconds),
 * {@code Policies} (inline identity policies by name) and {@code Users}. The whole file is read and every policy
 * validated before anything is changed, so a bad file changes nothing; each error names the file, the line and column
 * and the JSON path ({@code $.Roles[0].AssumeRolePolicyDocument}) and says what was expected there. Then the users are
 * created (kept if they exist), then each role is created (kept if it exists), given its trust policy, session limit
 * and policies; a policy of the same name is replaced.
 */
final class RolesFile {

    static final String OPTION = "--roles-file";
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Pattern IAM_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern POLICY_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Set<String> TOP = Set.of("Roles", "Users");
    private static final Set<String> ROLE = Set.of("RoleName", "Account", "MaxSessionDuration",
            "AssumeRolePolicyDocument", "Policies");
    private static final Set<String> USER = Set.of("UserName", "Account", "Policies");

    /** A policy document as it stands in the file: its text and where it starts. */
    record Document(String path, String json, int line, int column) {
    }

    /** A named inline policy. */
    record NamedPolicy(String name, Document document) {
    }

    /** One role: {@code account} null for the home account, {@code maxSessionDuration} null when not given. */
    record Role(String path, String name, String account, Integer maxSessionDuration, Document trust,
                List<NamedPolicy> policies) {
    }

    /** One user. */
    record User(String path, String name, String account, List<NamedPolicy> policies) {
    }

    private final Path file;
    private final String text;
    private final List<Role> roles = new ArrayList<>();
    private final List<User> users = new ArrayList<>();

    private RolesFile(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    List<Role> roles() {
        return List.copyOf(roles);
    }

    List<User> users() {
        return List.copyOf(users);
    }

    /**
     * Reads and checks the file: its shape, names, accounts and every policy.
     *
     * @param accounts the lab's accounts (an {@code Account} must be one of them)
     * @throws IllegalArgumentException naming the file, line, column and JSON path of the first problem
     */
    static RolesFile read(Path file, List<String> accounts) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(OPTION + " " + file + ": the file does not exist", e);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(OPTION + " " + file + ": the file is not UTF-8 text", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(OPTION + " " + file + ": cannot read the file: " + e.getMessage(), e);
        }
        RolesFile read = new RolesFile(file, text);
        try (JsonParser parser = FACTORY.createParser(text)) {
            read.document(parser, accounts);
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(OPTION + " " + file + ": line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(OPTION + " " + file + ": cannot read the file: " + e.getMessage(), e);
        }
        read.refuseDuplicates(accounts.get(0));
        read.validatePolicies();
        return read;
    }

    /** The same role (or user) twice in one file: which of the two would win is not obvious, so neither does. */
    private void refuseDuplicates(String home) {
        Set<String> seen = new LinkedHashSet<>();
        for (Role role : roles) {
            String arn = "arn:aws:iam::" + (role.account() == null ? home : role.account()) + ":role/" + role.name();
            if (!seen.add(arn)) {
                throw new IllegalArgumentException(OPTION + " " + file + ": at " + role.path() + ": role " + arn
                        + " is declared twice; declare each role once");
            }
        }
        for (User user : users) {
            String arn = "arn:aws:iam::" + (user.account() == null ? home : user.account()) + ":user/" + user.name();
            if (!seen.add(arn)) {
                throw new IllegalArgumentException(OPTION + " " + file + ": at " + user.path() + ": user " + arn
                        + " is declared twice; declare each user once");
            }
        }
    }

    private void document(JsonParser p, List<String> accounts) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw problem(p, "$", "expected a JSON object with \"Roles\" (and optionally \"Users\"), but the file is "
                    + "empty");
        }
        expect(p, "$", JsonToken.START_OBJECT, "a JSON object with \"Roles\" (and optionally \"Users\")");
        Set<String> seen = new LinkedHashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            String path = "$." + field;
            member(p, "$", field, TOP, seen);
            p.nextToken();
            expect(p, path, JsonToken.START_ARRAY, "a JSON array of " + (field.equals("Roles") ? "roles" : "users"));
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String item = path + "[" + index++ + "]";
                if (field.equals("Roles")) {
                    roles.add(role(p, item, accounts));
                } else {
                    users.add(user(p, item, accounts));
                }
            }
        }
        if (!seen.contains("Roles")) {
            throw problem(p, "$", "expected a \"Roles\" array (the roles to create), found none");
        }
        if (p.nextToken() != null) {
            throw problem(p, "$", "expected the end of the file after the top-level object, got "
                    + describe(p.currentToken()));
        }
    }

    private Role role(JsonParser p, String path, List<String> accounts) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        expect(p, path, JsonToken.START_OBJECT, "a role: a JSON object with \"RoleName\" and "
                + "\"AssumeRolePolicyDocument\"");
        String name = null;
        String account = null;
        Integer maxSession = null;
        Document trust = null;
        List<NamedPolicy> policies = List.of();
        Set<String> seen = new LinkedHashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            member(p, path, field, ROLE, seen);
            p.nextToken();
            String at = path + "." + field;
            switch (field) {
                case "RoleName" -> name = name(p, at, IAM_NAME, "a role name: 1 to 64 letters, digits or +=,.@_-");
                case "Account" -> account = account(p, at, accounts);
                case "MaxSessionDuration" -> maxSession = maxSession(p, at);
                case "AssumeRolePolicyDocument" -> trust = document(p, at, "the role's trust policy (who may "
                        + "assume it)");
                default -> policies = policies(p, at);
            }
        }
        if (name == null) {
            throw problem(start, path, "expected \"RoleName\" in the role, found none");
        }
        if (trust == null) {
            throw problem(start, path, "expected \"AssumeRolePolicyDocument\" (the trust policy: who may assume "
                    + "role " + name + "), found none");
        }
        return new Role(path, name, account, maxSession, trust, policies);
    }

    private User user(JsonParser p, String path, List<String> accounts) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        expect(p, path, JsonToken.START_OBJECT, "a user: a JSON object with \"UserName\"");
        String name = null;
        String account = null;
        List<NamedPolicy> policies = List.of();
        Set<String> seen = new LinkedHashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            member(p, path, field, USER, seen);
            p.nextToken();
            String at = path + "." + field;
            switch (field) {
                case "UserName" -> name = name(p, at, IAM_NAME, "a user name: 1 to 64 letters, digits or +=,.@_-");
                case "Account" -> account = account(p, at, accounts);
                default -> policies = policies(p, at);
            }
        }
        if (name == null) {
            throw problem(start, path, "expected \"UserName\" in the user, found none");
        }
        return new User(path, name, account, policies);
    }

    private List<NamedPolicy> policies(JsonParser p, String path) throws IOException {
        expect(p, path, JsonToken.START_OBJECT, "a JSON object of inline policies, each policy name mapped to its "
                + "policy document");
        List<NamedPolicy> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String at = path + "." + name;
            if (!POLICY_NAME.matcher(name).matches()) {
                throw problem(p, at, "expected a policy name of 1 to 128 letters, digits or +=,.@_-, got \"" + name
                        + "\"");
            }
            if (!names.add(name)) {
                throw problem(p, at, "policy \"" + name + "\" is given twice");
            }
            p.nextToken();
            out.add(new NamedPolicy(name, document(p, at, "an identity policy document")));
        }
        return List.copyOf(out);
    }

    /** A policy document: kept as the text it is in the file, so problems in it are placed in the file. */
    private Document document(JsonParser p, String path, String what) throws IOException {
        expect(p, path, JsonToken.START_OBJECT, what + " as a JSON object");
        JsonLocation start = p.currentTokenLocation();
        p.skipChildren();
        long end = p.currentLocation().getCharOffset();
        return new Document(path, text.substring((int) start.getCharOffset(), (int) end), start.getLineNr(),
                start.getColumnNr());
    }

    private String name(JsonParser p, String path, Pattern pattern, String what) throws IOException {
        expect(p, path, JsonToken.VALUE_STRING, what);
        String value = p.getText();
        if (!pattern.matcher(value).matches()) {
            throw problem(p, path, "expected " + what + ", got \"" + value + "\"");
        }
        return value;
    }

    private String account(JsonParser p, String path, List<String> accounts) throws IOException {
        String what = "a lab account id as a string (" + String.join(" or ", accounts) + ")";
        expect(p, path, JsonToken.VALUE_STRING, what);
        String value = p.getText();
        if (!ACCOUNT.matcher(value).matches() || !accounts.contains(value)) {
            throw problem(p, path, "expected " + what + ", got \"" + value + "\"" + (ACCOUNT.matcher(value).matches()
                    ? ", which is not a lab account" : ""));
        }
        return value;
    }

    private Integer maxSession(JsonParser p, String path) throws IOException {
        String what = "a whole number of seconds from " + PrincipalDirectory.MIN_MAX_SESSION_SECONDS + " to "
                + PrincipalDirectory.MAX_MAX_SESSION_SECONDS;
        expect(p, path, JsonToken.VALUE_NUMBER_INT, what);
        long value = p.getLongValue();
        if (value < PrincipalDirectory.MIN_MAX_SESSION_SECONDS || value > PrincipalDirectory.MAX_MAX_SESSION_SECONDS) {
            throw problem(p, path, "expected " + what + ", got " + value);
        }
        return (int) value;
    }

    private void member(JsonParser p, String path, String field, Set<String> allowed, Set<String> seen)
            throws IOException {
        if (!allowed.contains(field)) {
            throw problem(p, path + "." + field, "unexpected member \"" + field + "\"; expected "
                    + String.join(", ", allowed.stream().sorted().map(a -> "\"" + a + "\"").toList()));
        }
        if (!seen.add(field)) {
            throw problem(p, path + "." + field, "\"" + field + "\" is given twice");
        }
    }

    private void expect(JsonParser p, String path, JsonToken token, String what) {
        if (p.currentToken() != token) {
            throw problem(p, path, "expected " + what + ", got " + describe(p.currentToken()));
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }

    private IllegalArgumentException problem(JsonParser p, String path, String message) {
        return problem(p.currentTokenLocation(), path, message);
    }

    private IllegalArgumentException problem(JsonLocation at, String path, String message) {
        return new IllegalArgumentException(OPTION + " " + file + ": line " + Math.max(1, at.getLineNr())
                + ", column " + Math.max(1, at.getColumnNr()) + ", at " + path + ": " + message);
    }

    /** Every trust and identity policy, checked before anything is changed; problems placed in the file. */
    private void validatePolicies() {
        for (User user : users) {
            user.policies().forEach(p -> validate(p.document(), "identity policy", PolicyParser::parseIdentityPolicy));
        }
        for (Role role : roles) {
            validate(role.trust(), "trust policy", PolicyParser::parseTrustPolicy);
            role.policies().forEach(p -> validate(p.document(), "identity policy", PolicyParser::parseIdentityPolicy));
        }
    }

    private void validate(Document document, String what, Function<String, ?> parser) {
        try {
            parser.apply(document.json());
        } catch (PolicyValidationException e) {
            // The policy's own line and column, moved to where it starts in the file.
            int line = document.line() + e.line() - 1;
            int column = e.line() <= 1 ? document.column() + e.column() - 1 : e.column();
            String field = e.path().isEmpty() ? "" : " (field " + e.path() + " of the policy)";
            throw new IllegalArgumentException(OPTION + " " + file + ": line " + line + ", column " + column
                    + ", at " + document.path() + field + ": not a valid " + what + ": " + e.reason(), e);
        } catch (KmsException e) {
            throw new IllegalArgumentException(OPTION + " " + file + ": line " + document.line() + ", column "
                    + document.column() + ", at " + document.path() + ": not a valid " + what + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Creates the users and roles and sets their policies.
     *
     * @return one line per user and role, saying what was done
     */
    List<String> apply(KmsEngine engine) {
        List<String> report = new ArrayList<>();
        for (User user : users) {
            String account = user.account() == null ? engine.account() : user.account();
            boolean created = create(user.path(), () -> engine.principals().createUser(account, user.name()));
            for (NamedPolicy policy : user.policies()) {
                attach(policy, () -> engine.principals().attachUserPolicy(account, user.name(), policy.name(),
                        policy.document().json()));
            }
            report.add("  " + (created ? "created user " : "user ") + "arn:aws:iam::" + account + ":user/"
                    + user.name() + policiesNote(user.policies()) + " (" + file + ")");
        }
        for (Role role : roles) {
            String account = role.account() == null ? engine.account() : role.account();
            boolean created = create(role.path(), () -> engine.principals().createRole(account, role.name()));
            attach(new NamedPolicy("AssumeRolePolicyDocument", role.trust()),
                    () -> engine.principals().setTrustPolicy(account, role.name(), role.trust().json()));
            if (role.maxSessionDuration() != null) {
                engine.principals().setMaxSessionDuration(account, role.name(), role.maxSessionDuration());
            }
            for (NamedPolicy policy : role.policies()) {
                attach(policy, () -> engine.principals().attachRolePolicy(account, role.name(), policy.name(),
                        policy.document().json()));
            }
            report.add("  " + (created ? "created role " : "role ") + "arn:aws:iam::" + account + ":role/"
                    + role.name() + ": trust policy" + (role.maxSessionDuration() == null ? ""
                    : ", sessions up to " + role.maxSessionDuration() + " s") + policiesNote(role.policies()) + " ("
                    + file + ")");
        }
        return report;
    }

    private static String policiesNote(List<NamedPolicy> policies) {
        return policies.isEmpty() ? "" : ", policies " + String.join(", ", policies.stream().map(NamedPolicy::name)
                .toList());
    }

    private boolean create(String path, Runnable creation) {
        try {
            creation.run();
            return true;
        } catch (AlreadyExistsException e) {
            return false;
        } catch (KmsException e) {
            throw new IllegalArgumentException(OPTION + " " + file + ": at " + path + ": " + e.getMessage(), e);
        }
    }

    private void attach(NamedPolicy policy, Runnable attach) {
        try {
            attach.run();
        } catch (KmsException e) {
            throw new IllegalArgumentException(OPTION + " " + file + ": line " + policy.document().line()
                    + ", column " + policy.document().column() + ", at " + policy.document().path() + ": "
                    + e.getMessage(), e);
        }
    }
}
